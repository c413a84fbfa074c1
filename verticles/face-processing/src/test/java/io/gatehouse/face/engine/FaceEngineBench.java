package io.gatehouse.face.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Per-frame cost of the default engine on one thread (= one core) at 640×480, as a session uses it (with
 * template). Not part of the suite: run with
 * {@code mvn -pl verticles/face-processing -am verify -Dface.bench=true -Dtest=FaceEngineBench -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "face.bench", matches = "true")
class FaceEngineBench {

  private static final Logger LOG = LoggerFactory.getLogger(FaceEngineBench.class);

  @Test
  @DisplayName("frames per second per core and per-frame latency percentiles at 640x480")
  void measure() {
    int warmUp = Integer.getInteger("face.bench.warmup", 100);
    int frames = Integer.getInteger("face.bench.frames", 1000);
    List<byte[]> inputs = new ArrayList<>();
    for (FaceFixtures who : List.of(FaceFixtures.faceApiSample(3, 0), FaceFixtures.faceApiSample(3, 1),
      FaceFixtures.sina())) {
      inputs.addAll(who.livelySequence());
    }
    try (OpenCvFaceEngine engine = new OpenCvFaceEngine(EngineOptions.defaults())) {
      for (int i = 0; i < warmUp; i++) {
        engine.analyze(inputs.get(i % inputs.size()), true);
      }
      long[] nanos = new long[frames];
      java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
      long cpuStart = threads.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      for (int i = 0; i < frames; i++) {
        long t0 = System.nanoTime();
        engine.analyze(inputs.get(i % inputs.size()), true);
        nanos[i] = System.nanoTime() - t0;
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      Arrays.sort(nanos);
      LOG.info("face engine bench: {} frames 640x480 JPEG ({} distinct, {} avg bytes) on 1 thread: {} frames/s wall, "
          + "{} frames per CPU-second of that thread, p50 {} ms, p99 {} ms, max {} ms (wall, per frame)", frames,
        inputs.size(), inputs.stream().mapToInt(b -> b.length).sum() / inputs.size(),
        String.format("%.1f", frames / seconds), String.format("%.1f", frames / cpuSeconds),
        String.format("%.1f", nanos[frames / 2] / 1e6), String.format("%.1f", nanos[(int) (frames * 0.99)] / 1e6),
        String.format("%.1f", nanos[frames - 1] / 1e6));
    }
  }
}
