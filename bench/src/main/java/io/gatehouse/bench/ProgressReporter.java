package io.gatehouse.bench;

import io.vertx.core.Vertx;
import org.HdrHistogram.Histogram;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;

/** Logs one line a second: deliveries/s, publishes/s, the p99 measured so far and the error count. */
final class ProgressReporter {

  private static final Logger LOG = LoggerFactory.getLogger(ProgressReporter.class);

  private final Vertx vertx;
  private final RunMetrics metrics;
  private long timerId = -1;
  private long seconds;
  private long lastPublishes;
  private long lastDeliveries;
  private volatile String phase = "setup";

  ProgressReporter(Vertx vertx, RunMetrics metrics) {
    this.vertx = vertx;
    this.metrics = metrics;
  }

  void start() {
    lastPublishes = metrics.publishesSent();
    lastDeliveries = metrics.deliveriesReceived();
    timerId = vertx.setPeriodic(1000, id -> report());
  }

  void phase(String phase) {
    this.phase = phase;
  }

  void stop() {
    if (timerId >= 0) {
      vertx.cancelTimer(timerId);
    }
  }

  private void report() {
    seconds++;
    long publishes = metrics.publishesSent();
    long deliveries = metrics.deliveriesReceived();
    Histogram latency = metrics.latencySoFar();
    String p99 = latency.getTotalCount() == 0 ? "       -"
      : String.format(Locale.ROOT, "%8.3f", latency.getValueAtPercentile(99) / 1000.0);
    LOG.info(String.format(Locale.ROOT, "%4ds %-7s deliveries/s %,10d  publishes/s %,8d  p99 %s ms  errors %d",
      seconds, phase, deliveries - lastDeliveries, publishes - lastPublishes, p99, metrics.errorCount()));
    lastPublishes = publishes;
    lastDeliveries = deliveries;
  }
}
