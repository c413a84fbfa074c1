package io.gatehouse.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads another JVM's heap with {@code jcmd}: a full GC, then the live bytes of the class histogram and the
 * used heap that {@code GC.heap_info} reports. Blocking: call it from a worker thread.
 */
final class HeapProbe {

  private static final Logger LOG = LoggerFactory.getLogger(HeapProbe.class);

  static final long JCMD_TIMEOUT_SECONDS = 60;

  private static final Pattern USED = Pattern.compile("\\bused (\\d+)([KMG])\\b");
  private static final Pattern TOTAL = Pattern.compile("^\\s*Total\\s+(\\d+)\\s+(\\d+)\\s*$", Pattern.MULTILINE);

  private HeapProbe() {
  }

  /** Heap of one process after a full collection. */
  record HeapReading(long liveBytes, long usedBytes) {
  }

  /** Reads the heap of {@code pid} on a worker thread (null at once without a pid) and logs it. */
  static Future<HeapReading> probe(Vertx vertx, long pid, String when) {
    if (pid <= 0) {
      return Future.succeededFuture(null);
    }
    return vertx.executeBlocking(() -> read(pid)).onSuccess(reading -> LOG.info("server heap {}: {} live bytes, {} used",
      when, reading.liveBytes(), reading.usedBytes()));
  }

  static HeapReading read(long pid) throws IOException, InterruptedException {
    jcmd(pid, "GC.run");
    long used = parseUsedHeap(jcmd(pid, "GC.heap_info"));
    long live = parseHistogramTotal(jcmd(pid, "GC.class_histogram"));
    return new HeapReading(live, used);
  }

  /** Sums the {@code used NK} figures of the heap spaces, leaving out Metaspace and class space. */
  static long parseUsedHeap(String heapInfo) {
    long used = 0;
    for (String line : heapInfo.split("\n")) {
      String trimmed = line.trim();
      if (trimmed.startsWith("Metaspace") || trimmed.startsWith("class space")) {
        continue;
      }
      Matcher matcher = USED.matcher(line);
      if (matcher.find()) {
        used += Long.parseLong(matcher.group(1)) * unit(matcher.group(2));
      }
    }
    if (used == 0) {
      throw new IllegalArgumentException("no used heap figure in GC.heap_info output");
    }
    return used;
  }

  /** The byte count on the histogram's {@code Total} line: every object that survived the collection. */
  static long parseHistogramTotal(String histogram) {
    Matcher matcher = TOTAL.matcher(histogram);
    if (!matcher.find()) {
      throw new IllegalArgumentException("no Total line in GC.class_histogram output");
    }
    return Long.parseLong(matcher.group(2));
  }

  private static long unit(String suffix) {
    return switch (suffix) {
      case "K" -> 1024L;
      case "M" -> 1024L * 1024;
      default -> 1024L * 1024 * 1024;
    };
  }

  /** The jcmd of the JDK we run on, else whichever is on the PATH. */
  static String jcmdPath() {
    Path beside = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    return Files.isExecutable(beside) ? beside.toString() : "jcmd";
  }

  private static String jcmd(long pid, String command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(List.of(jcmdPath(), Long.toString(pid), command))
      .redirectErrorStream(true)
      .start();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(JCMD_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IOException("jcmd " + pid + " " + command + " did not finish in " + JCMD_TIMEOUT_SECONDS + " s");
    }
    String text = new String(output, StandardCharsets.UTF_8);
    if (process.exitValue() != 0) {
      throw new IOException("jcmd " + pid + " " + command + " failed: " + text.strip());
    }
    return text;
  }
}
