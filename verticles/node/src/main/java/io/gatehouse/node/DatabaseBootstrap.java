package io.gatehouse.node;

import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.EmbeddedDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Gives a node its database: the configured server, or else an embedded PostgreSQL with its data under
 * {@code <node.dataDir>/pg}. When that directory is already served by another running process (its
 * postmaster.pid names a live server, typically one left behind by a node whose JVM was killed), the node
 * says so and connects to it instead of starting a second one. {@link #supervise} then watches the embedded
 * server and starts it again, on the same data and port, when it dies.
 */
public final class DatabaseBootstrap implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseBootstrap.class);

  private EmbeddedDatabase embedded;
  private Path pgDir;
  private int port;
  private boolean restartFailing;

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
        LOG.warn("embedded PostgreSQL in {} is still running (pid {}, port {}), left by an earlier process; "
          + "reusing it", pgDir, postmasterPid(pgDir).orElse(-1L), running.get());
        resolved = options.withServer("127.0.0.1", running.get());
      } else {
        embedded = EmbeddedDatabase.start(pgDir, embeddedPort);
        resolved = embedded.ensureDatabase(options, options.database());
      }
      config.put("database", config.getJsonObject("database", new JsonObject()).mergeIn(resolved.toJson()));
      this.pgDir = pgDir;
      this.port = resolved.port();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot start embedded PostgreSQL in " + pgDir + ": " + rootMessage(e), e);
    } catch (SQLException e) {
      throw new IllegalStateException("embedded PostgreSQL started but refused setup: " + e.getMessage(), e);
    }
  }

  /**
   * Checks the embedded server every {@code intervalMs} (on a worker thread) and starts it again when its
   * postmaster is gone. Nothing to do for a configured server, or when {@code intervalMs} is 0.
   */
  public void supervise(Vertx vertx, long intervalMs) {
    if (pgDir == null || intervalMs <= 0) {
      return;
    }
    vertx.setPeriodic(intervalMs, id -> vertx.executeBlocking(() -> {
      ensureRunning();
      return null;
    }, false));
  }

  /** Starts the embedded server again if its postmaster is not running; blocking. */
  synchronized void ensureRunning() {
    if (pgDir == null || runningServerPort(pgDir).isPresent()) {
      return;
    }
    if (!restartFailing) {
      LOG.warn("embedded PostgreSQL (port {}) is not running; starting it again on {}", port, pgDir);
    }
    closeQuietly();
    try {
      embedded = EmbeddedDatabase.start(pgDir, port);
      restartFailing = false;
      LOG.info("embedded PostgreSQL restarted on port {}", port);
    } catch (IOException | RuntimeException e) {
      if (!restartFailing) {
        LOG.warn("embedded PostgreSQL did not start again (trying every check): {}", rootMessage(e));
      }
      restartFailing = true;
    }
  }

  public static Path dataDir(JsonObject config) {
    return Path.of(config.getJsonObject("node", new JsonObject()).getString("dataDir", "data")).toAbsolutePath();
  }

  static Optional<Long> postmasterPid(Path pgDir) {
    try {
      return Optional.of(Long.parseLong(Files.readAllLines(pgDir.resolve("postmaster.pid")).get(0).trim()));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
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
    pgDir = null;
    closeQuietly();
  }

  private void closeQuietly() {
    if (embedded != null) {
      try {
        embedded.close();
      } catch (IOException | RuntimeException e) {
        LOG.warn("embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
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
