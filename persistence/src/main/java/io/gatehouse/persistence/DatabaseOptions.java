package io.gatehouse.persistence;

import io.vertx.core.json.JsonObject;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * Where PostgreSQL is and how many connections a verticle may hold. Read from the {@code database}
 * section of the node config; the launcher fills host and port in when it starts the embedded server.
 */
public record DatabaseOptions(String host, int port, String database, String user, String password, int poolSize) {

  public static final int DEFAULT_PORT = 5432;
  public static final String DEFAULT_DATABASE = "gatehouse";
  public static final String DEFAULT_USER = "postgres";
  public static final int DEFAULT_POOL_SIZE = 8;

  public static DatabaseOptions from(JsonObject config) {
    JsonObject db = config.getJsonObject("database", new JsonObject());
    return new DatabaseOptions(
      db.getString("host"),
      db.getInteger("port", DEFAULT_PORT),
      db.getString("database", DEFAULT_DATABASE),
      db.getString("user", DEFAULT_USER),
      db.getString("password", ""),
      db.getInteger("poolSize", DEFAULT_POOL_SIZE));
  }

  public boolean configured() {
    return host != null && !host.isBlank();
  }

  public DatabaseOptions withServer(String host, int port) {
    return new DatabaseOptions(host, port, database, user, password, poolSize);
  }

  public DatabaseOptions withDatabase(String database) {
    return new DatabaseOptions(host, port, database, user, password, poolSize);
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + database;
  }

  /**
   * Statements stay prepared (parsed once per connection), but PostgreSQL plans each execution with the
   * table sizes of that moment ({@code plan_cache_mode=force_custom_plan}). Its default would freeze a
   * generic plan after five executions, which on a fresh database is a plan for empty tables: the append
   * path's membership check then scanned the whole members table for every batch until autovacuum's next
   * ANALYZE, a quarter of the chat throughput for the first minutes of a new node. Planning the few
   * statements per batch costs far less than that.
   */
  public PgConnectOptions connectOptions() {
    return new PgConnectOptions()
      .setHost(host)
      .setPort(port)
      .setDatabase(database)
      .setUser(user)
      .setPassword(password)
      .setCachePreparedStatements(true)
      .setPipeliningLimit(256)
      .addProperty("application_name", "gatehouse")
      .addProperty("plan_cache_mode", "force_custom_plan");
  }

  public PoolOptions poolOptions() {
    return new PoolOptions().setMaxSize(poolSize);
  }

  /** Writes these options back into a node config's {@code database} section. */
  public JsonObject toJson() {
    return new JsonObject().put("host", host).put("port", port).put("database", database).put("user", user)
      .put("password", password).put("poolSize", poolSize);
  }

  @Override
  public String toString() {
    return "DatabaseOptions[" + user + "@" + host + ":" + port + "/" + database + "]";
  }
}
