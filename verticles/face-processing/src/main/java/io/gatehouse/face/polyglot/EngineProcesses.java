package io.gatehouse.face.polyglot;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Starts and supervises this node's engine worker processes ({@code face.engineWorkers} of them): each runs
 * {@code node src/worker.js --supervised} in the worker directory, joins this node's bridge, and logs through
 * this node's log; it pings the bridge well within the bridge's idle timeout and speaks TLS to it when the
 * bridge does. A worker that exits is started again after {@code engineRestartDelayMs} (doubling, up to 30 s,
 * while workers keep dying within 10 s of their start); stopping the node stops them.
 */
public final class EngineProcesses {

  private static final Logger LOG = LoggerFactory.getLogger(EngineProcesses.class);
  private static final long MAX_RESTART_DELAY_MS = 30_000;
  private static final long STABLE_AFTER_MS = 10_000;

  private final Vertx vertx;
  private final Context context;
  private final PolyglotOptions options;
  private final List<String> command;
  private final Process[] running;
  private final long[] restartDelay;
  private int restarts;
  private boolean stopping;

  public EngineProcesses(Vertx vertx, PolyglotOptions options, int bridgePort, Path secretFile) {
    this.vertx = vertx;
    this.context = vertx.getOrCreateContext();
    this.options = options;
    List<String> command = new ArrayList<>(List.of(options.command(), "src/worker.js", "--supervised",
      "--bridge", options.bridgeHost() + ":" + bridgePort, "--secret-file", secretFile.toString(),
      "--detector", options.detector(), "--input-size", String.valueOf(options.inputSize()),
      "--liveness-input-size", String.valueOf(options.livenessInputSize()),
      "--min-score", String.valueOf(options.minScore()), "--max-pixels", String.valueOf(options.maxPixels()),
      "--ping-ms", String.valueOf(options.bridgeSecurity().pingMs())));
    if (options.bridgeSecurity().tls().enabled()) {
      command.addAll(List.of("--tls-ca", options.bridgeSecurity().caPath()));
    }
    this.command = List.copyOf(command);
    this.running = new Process[options.workers()];
    this.restartDelay = new long[options.workers()];
  }

  /** Starts every worker process (they join the bridge a moment later, once their nets are loaded). */
  public Future<Void> start() {
    Path dir = options.workerDir();
    if (!Files.isDirectory(dir.resolve("node_modules"))) {
      return Future.failedFuture(new IllegalStateException("face engine packages missing: run `npm ci` in "
        + dir.toAbsolutePath() + " (scripts/run and scripts/test do), or set face.engineType to local"));
    }
    List<Future<Void>> started = new ArrayList<>();
    for (int slot = 0; slot < running.length; slot++) {
      restartDelay[slot] = options.restartDelayMs();
      started.add(spawn(slot));
    }
    return Future.all(started).mapEmpty();
  }

  private Future<Void> spawn(int slot) {
    return vertx.executeBlocking(() -> {
      Process process = new ProcessBuilder(command).directory(options.workerDir().toFile())
        .redirectErrorStream(true).start();
      pump(slot, process);
      return process;
    }).map(process -> {
      running[slot] = process;
      long startedAt = System.currentTimeMillis();
      process.onExit().thenAccept(exited -> context.runOnContext(v -> exited(slot, exited, startedAt)));
      LOG.info("face engine worker {} started (pid {})", slot, process.pid());
      return (Void) null;
    }).onFailure(failure -> LOG.error("face engine worker {} could not start: {}", slot, failure.getMessage()));
  }

  private void exited(int slot, Process process, long startedAt) {
    if (stopping || running[slot] != process) {
      return;
    }
    running[slot] = null;
    restarts++;
    boolean quick = System.currentTimeMillis() - startedAt < STABLE_AFTER_MS;
    long delay = quick ? restartDelay[slot] : options.restartDelayMs();
    restartDelay[slot] = quick ? Math.min(MAX_RESTART_DELAY_MS, delay * 2) : options.restartDelayMs();
    LOG.warn("face engine worker {} (pid {}) exited with {}; starting another in {} ms", slot, process.pid(),
      process.exitValue(), delay);
    vertx.setTimer(delay, id -> {
      if (!stopping) {
        spawn(slot).onFailure(failure -> exited(slot, process, System.currentTimeMillis()));
      }
    });
  }

  /** The worker's output, line by line, into this node's log (a daemon thread per process). */
  private static void pump(int slot, Process process) {
    Thread pump = new Thread(() -> {
      try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          LOG.info("[engine {}] {}", slot, line);
        }
      } catch (IOException gone) {
        // the process ended
      }
    }, "gatehouse-face-engine-log-" + slot);
    pump.setDaemon(true);
    pump.start();
  }

  /** Process ids of the workers running now. */
  public List<Long> pids() {
    return java.util.Arrays.stream(running).filter(Objects::nonNull).filter(Process::isAlive).map(Process::pid)
      .toList();
  }

  /** Worker exits since start (each was followed by a restart). */
  public int restarts() {
    return restarts;
  }

  public Future<Void> stop() {
    stopping = true;
    List<Process> all = java.util.Arrays.stream(running).filter(Objects::nonNull).toList();
    return vertx.executeBlocking(() -> {
      all.forEach(Process::destroy);
      for (Process process : all) {
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
      }
      return null;
    });
  }
}
