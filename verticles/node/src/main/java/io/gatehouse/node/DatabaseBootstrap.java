package io.gatehouse.node;

import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.EmbeddedDatabase;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Gives a node its database: the configured server, or else an embedded PostgreSQL with its data under
 * {@code <node.dataDir>/pg}. When that directory is already served by another running Gatehouse
 * process (its postmaster.pid names a live server), the node connects to it instead of starting a second one.
 */
public final class DatabaseBootstrap implements AutoCloseable {

  private EmbeddedDatabase embedded;

  /** Fills the {@code database} section of {@code config} in place; blocking. */
  public void prepare(JsonObject config) {
    DatabaseOptions options = DatabaseOptions.from(config);
    if (options.configured()) {
      return;
    }
    Path pgDir = dataDir(config).resolve("pg");
    int embeddedPort = config.getJsonObject("database", new JsonObject()).getInteger("embeddedPort", 0);
    Optional<Integer> running = runningServerPort(pgDir);
    try {
      DatabaseOptions resolved;
      if (running.isPresent()) {
        resolved = options.withServer("127.0.0.1", running.get());
      } else {
        embedded = EmbeddedDatabase.start(pgDir, embeddedPort);
        resolved = embedded.ensureDatabase(options, options.database());
      }
      config.put("database", config.getJsonObject("database", new JsonObject()).mergeIn(resolved.toJson()));
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot start embedded PostgreSQL in " + pgDir + ": " + rootMessage(e), e);
    } catch (SQLException e) {
      throw new IllegalStateException("embedded PostgreSQL started but refused setup: " + e.getMessage(), e);
    }
  }

  public static Path dataDir(JsonObject config) {
    return Path.of(config.getJsonObject("node", new JsonObject()).getString("dataDir", "data")).toAbsolutePath();
  }

  /** The port in {@code postmaster.pid} when the process it names is alive. */
  static Optional<Integer> runningServerPort(Path pgDir) {
    Path pidFile = pgDir.resolve("postmaster.pid");
    try {
      if (!Files.isRegularFile(pidFile)) {
        return Optional.empty();
      }
      List<String> lines = Files.readAllLines(pidFile);
      long pid = Long.parseLong(lines.get(0).trim());
      boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
      return alive && lines.size() > 3 ? Optional.of(Integer.parseInt(lines.get(3).trim())) : Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public synchronized void close() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException e) {
        org.slf4j.LoggerFactory.getLogger(DatabaseBootstrap.class).warn("embedded PostgreSQL did not stop cleanly: {}",
          e.getMessage());
      }
      embedded = null;
    }
  }

  /** The first line of the outermost message: the one that says what was being done. */
  static String firstLine(Throwable failure) {
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return message.lines().findFirst().orElse("");
  }

  static String rootMessage(Throwable failure) {
    Throwable cause = failure;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return String.valueOf(cause.getMessage()).lines().findFirst().orElse("");
  }
}
