package io.gatehouse.persistence;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server from Maven Central binaries, with its data in a directory that survives
 * restarts. Blocking: start and close it from the launcher thread, never from an event loop.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /** Starts (initialising on first use) a server on {@code dataDir}; port 0 picks a free one. */
  public static EmbeddedDatabase start(Path dataDir, int port) throws IOException {
    Files.createDirectories(dataDir);
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
      .setDataDirectory(dataDir)
      .setCleanDataDirectory(false)
      .setRegisterShutdownHook(false)
      .setPGStartupWait(Duration.ofSeconds(60))
      .setServerConfig("max_connections", "300")
      .setServerConfig("fsync", "on")
      .setServerConfig("synchronous_commit", "on");
    if (port > 0) {
      builder.setPort(port);
    }
    EmbeddedPostgres postgres = builder.start();
    LOG.info("embedded PostgreSQL on 127.0.0.1:{} with data in {}", postgres.getPort(), dataDir);
    return new EmbeddedDatabase(postgres);
  }

  public int port() {
    return postgres.getPort();
  }

  /** Creates {@code database} unless it exists, and returns options pointing at it. */
  public DatabaseOptions ensureDatabase(DatabaseOptions template, String database) throws SQLException {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      try (ResultSet exists = statement.executeQuery(
        "SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "''") + "'")) {
        if (!exists.next()) {
          statement.execute("CREATE DATABASE \"" + database.replace("\"", "\"\"") + "\"");
        }
      }
    }
    return template.withServer("127.0.0.1", port()).withDatabase(database);
  }

  @Override
  public void close() throws IOException {
    postgres.close();
    LOG.info("embedded PostgreSQL stopped");
  }
}
