package io.gatehouse.persistence;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Opens a verticle's pool after migrating the schema it owns. */
public final class Databases {

  private static final Logger LOG = LoggerFactory.getLogger(Databases.class);

  private Databases() {
  }

  /**
   * Migrates {@code schema} from {@code classpath:db/<schema>} (Flyway, on a worker thread, one history
   * table per schema), then returns a pool. Fails with a one-line message when the server cannot be reached.
   */
  public static Future<Pool> open(Vertx vertx, DatabaseOptions options, String schema) {
    return migrate(vertx, options, schema).map(v -> PgBuilder.pool()
      .with(options.poolOptions())
      .connectingTo(options.connectOptions())
      .using(vertx)
      .build());
  }

  public static Future<Void> migrate(Vertx vertx, DatabaseOptions options, String schema) {
    if (!options.configured()) {
      return Future.failedFuture(new IllegalStateException("no database configured (database.host is empty)"));
    }
    return vertx.executeBlocking(() -> {
      try {
        var result = Flyway.configure()
          .dataSource(options.jdbcUrl(), options.user(), options.password())
          .schemas(schema)
          .table("schema_history")
          .locations("classpath:db/" + schema)
          .connectRetries(3)
          .load()
          .migrate();
        LOG.info("schema {} at version {} ({} migrations applied)", schema, result.targetSchemaVersion,
          result.migrationsExecuted);
        return null;
      } catch (FlywayException e) {
        throw new IllegalStateException("cannot migrate schema " + schema + " on " + options + ": "
          + rootMessage(e), e);
      }
    }, false);
  }

  private static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getMessage();
  }
}
