package io.gatehouse.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real embedded PostgreSQL per test JVM; every caller gets a database of its own on it, so test
 * classes never see each other's rows.
 */
public final class TestDatabase {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static EmbeddedDatabase server;

  private TestDatabase() {
  }

  public static synchronized EmbeddedDatabase server() {
    if (server == null) {
      try {
        Path dir = Files.createTempDirectory("gatehouse-test-pg");
        server = EmbeddedDatabase.start(dir, 0);
        EmbeddedDatabase started = server;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            started.close();
          } catch (IOException ignored) {
            // the JVM is going away
          }
        }));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return server;
  }

  /** A new, empty database on the shared server. */
  public static DatabaseOptions fresh(String prefix) {
    String name = (prefix + "_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet()).toLowerCase();
    try {
      return server().ensureDatabase(new DatabaseOptions(null, 0, name, DatabaseOptions.DEFAULT_USER, "", 4), name);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
