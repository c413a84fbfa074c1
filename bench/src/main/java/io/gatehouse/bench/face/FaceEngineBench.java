package io.gatehouse.bench.face;

import io.gatehouse.bench.CliArgs;
import io.gatehouse.face.polyglot.EngineBridge;
import io.gatehouse.face.polyglot.EngineProcesses;
import io.gatehouse.face.polyglot.EngineSecret;
import io.gatehouse.face.polyglot.PolyglotAnalyzer;
import io.gatehouse.face.polyglot.PolyglotOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Frames per second and latency per frame of the polyglot face engine, as face-processing sees it: 640×480 JPEG
 * frames through {@link PolyglotAnalyzer} (the bus, the TCP bridge, a worker, the reply checked), one frame in
 * flight per worker, for liveness frames (landmarks and eyes), liveness frames without the eye net, and descriptor
 * frames (with the 128-d descriptor).
 * Prints one JSON line per kind of frame, with the workers' CPU time per frame and what that makes per core. Usage: {@code scripts/bench face [--workers N] [--frames 200]
 * [--warmup 20] [--detector tiny|ssd] [--input-size 416] [--liveness-input-size 416] [--photo PATH]}.
 */
public final class FaceEngineBench {

  private static final Logger LOG = LoggerFactory.getLogger(FaceEngineBench.class);

  private FaceEngineBench() {
  }

  public static void main(String[] args) throws Exception {
    PrintStream resultOut = System.out;
    System.setOut(System.err);
    Map<String, String> given = parse(args);
    int workers = CliArgs.intOf(given, "workers", Runtime.getRuntime().availableProcessors());
    int frames = CliArgs.intOf(given, "frames", 200);
    int warmup = CliArgs.intOf(given, "warmup", 20);
    CliArgs.requireAtLeast("workers", workers, 1);
    CliArgs.requireAtLeast("frames", frames, 1);
    Path photo = Path.of(given.getOrDefault("photo", "../shared/face-dev-set/img20.jpg"));
    JsonObject face = new JsonObject().put("engineWorkers", workers).put("bridgePort", 0)
      .put("engineDetector", given.getOrDefault("detector", PolyglotOptions.DEFAULT_DETECTOR))
      .put("engineInputSize", CliArgs.intOf(given, "input-size", PolyglotOptions.DEFAULT_INPUT_SIZE))
      .put("engineLivenessInputSize", CliArgs.intOf(given, "liveness-input-size",
        PolyglotOptions.DEFAULT_LIVENESS_INPUT_SIZE))
      .put("engineTimeoutMs", 60_000).put("engineAttempts", 1)
      .put("engineDir", given.getOrDefault("engine-dir", "verticles/face-engine-node"));
    PolyglotOptions options = PolyglotOptions.from(face, 1 << 20, 1L << 24);
    List<byte[]> samples = List.of(FaceFrames.frame(photo, 0), FaceFrames.frame(photo, 30), FaceFrames.frame(photo, -30));

    Vertx vertx = Vertx.vertx();
    EngineSecret secret = EngineSecret.loadOrCreate(Files.createTempDirectory("face-bench-keys"));
    EngineBridge bridge = EngineBridge.start(vertx, options, secret).await();
    EngineProcesses processes = new EngineProcesses(vertx, options, bridge.port(), secret.file());
    try {
      processes.start().compose(v -> bridge.awaitWorkers(workers)).await();
      PolyglotAnalyzer analyzer = new PolyglotAnalyzer(vertx, options);
      for (Kind kind : Kind.values()) {
        run(vertx, analyzer, samples, kind, workers, warmup);
        long cpuBefore = workerCpuNanos(processes);
        JsonObject result = run(vertx, analyzer, samples, kind, workers, frames);
        double cpuMsPerFrame = (workerCpuNanos(processes) - cpuBefore) / 1e6 / frames;
        result.put("workerCpuMsPerFrame", round(cpuMsPerFrame)).put("framesPerCoreSecond", round(1000 / cpuMsPerFrame))
          .put("workers", workers).put("detector", options.detector()).put("inputSize", kind.descriptor ? options.inputSize() : options.livenessInputSize())
          .put("frameBytes", samples.get(0).length);
        resultOut.println(result.encode());
      }
    } finally {
      processes.stop().eventually(bridge::close).await();
      vertx.close().await();
    }
    System.exit(0);
  }

  /**
   * The frames measured: liveness frames with the eye net (while a session still waits for blinks), without it
   * (once it has seen them), and descriptor frames.
   */
  private enum Kind {
    LIVENESS("liveness", false, true), LIVENESS_NO_EYES("liveness-no-eyes", false, false),
    DESCRIPTOR("descriptor", true, true);

    final String label;
    final boolean descriptor;
    final boolean eyes;

    Kind(String label, boolean descriptor, boolean eyes) {
      this.label = label;
      this.descriptor = descriptor;
      this.eyes = eyes;
    }
  }

  /** {@code count} frames, one in flight per worker; throughput and latency percentiles. */
  private static JsonObject run(Vertx vertx, PolyglotAnalyzer analyzer, List<byte[]> samples, Kind kind,
                                int inFlight, int count) {
    Histogram latency = new Histogram(3_600_000_000L, 3);
    int[] sent = {0};
    long start = System.nanoTime();
    List<Future<Void>> loops = new ArrayList<>();
    for (int i = 0; i < inFlight; i++) {
      Promise<Void> done = Promise.promise();
      vertx.runOnContext(v -> next(analyzer, samples, kind, count, sent, latency, done));
      loops.add(done.future());
    }
    Future.all(loops).await();
    double seconds = (System.nanoTime() - start) / 1e9;
    double perSecond = count / seconds;
    LOG.info("{} frames ({}): {} frames/s, p50 {} ms, p99 {} ms", count, kind.label,
      String.format("%.1f", perSecond), latency.getValueAtPercentile(50) / 1000.0,
      latency.getValueAtPercentile(99) / 1000.0);
    return new JsonObject().put("frames", kind.label).put("count", count)
      .put("framesPerSecond", round(perSecond)).put("framesPerSecondPerWorker", round(perSecond / inFlight))
      .put("p50Ms", latency.getValueAtPercentile(50) / 1000.0).put("p99Ms", latency.getValueAtPercentile(99) / 1000.0);
  }

  private static void next(PolyglotAnalyzer analyzer, List<byte[]> samples, Kind kind, int count, int[] sent,
                           Histogram latency, Promise<Void> done) {
    if (sent[0] >= count) {
      done.tryComplete();
      return;
    }
    byte[] frame = samples.get(sent[0]++ % samples.size());
    long began = System.nanoTime();
    analyzer.analyze(frame, kind.descriptor, kind.eyes)
      .onSuccess(result -> {
        if (result.analysis().faces() != 1) {
          done.tryFail("the bench photo must show one face, the engine found " + result.analysis().faces());
          return;
        }
        latency.recordValue((System.nanoTime() - began) / 1000);
        next(analyzer, samples, kind, count, sent, latency, done);
      })
      .onFailure(done::tryFail);
  }

  /**
   * CPU time the worker processes have used (user and system): frames per CPU-second of a worker is what one core
   * gives, whatever else the machine runs at the time (wall-clock rates are only comparable on an idle machine).
   */
  private static long workerCpuNanos(EngineProcesses processes) {
    return processes.pids().stream().map(ProcessHandle::of).flatMap(java.util.Optional::stream)
      .map(handle -> handle.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L))
      .mapToLong(Long::longValue).sum();
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static Map<String, String> parse(String[] args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      given.put(args[i].substring(2), args[i + 1]);
    }
    return given;
  }
}
