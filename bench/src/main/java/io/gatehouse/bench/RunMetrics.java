package io.gatehouse.bench;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters and the latency histogram of one run, written from every event loop at once.
 *
 * <p>Only publishes sent inside the measurement window count towards the published and delivered totals and
 * the latency; rates per second count everything that happened in each second, warmup included.
 */
final class RunMetrics {

  static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(60);

  private volatile long measureStartNanos = Long.MAX_VALUE;
  private volatile long measureEndNanos = Long.MAX_VALUE;

  private final LongAdder publishesSent = new LongAdder();
  private final LongAdder deliveriesReceived = new LongAdder();
  private final LongAdder publishesMeasured = new LongAdder();
  private final LongAdder deliveriesMeasured = new LongAdder();
  private final LongAdder deliveriesExpected = new LongAdder();
  private final LongAdder pendingDeliveries = new LongAdder();
  private final LongAdder foreignDeliveries = new LongAdder();
  private final LongAdder behindSchedule = new LongAdder();
  private final AtomicLong lastMeasuredArrivalNanos = new AtomicLong(Long.MIN_VALUE);
  private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
  private final Recorder latency = new Recorder(1, HIGHEST_MICROS, 3);
  private final Histogram latencyTotal = new Histogram(1, HIGHEST_MICROS, 3);

  void openWindow(long startNanos) {
    measureStartNanos = startNanos;
  }

  void closeWindow(long endNanos) {
    measureEndNanos = endNanos;
  }

  boolean measured(long sendNanos) {
    return sendNanos >= measureStartNanos && sendNanos < measureEndNanos;
  }

  void published(long sendNanos, int fanout) {
    publishesSent.increment();
    if (measured(sendNanos)) {
      publishesMeasured.increment();
      deliveriesExpected.add(fanout);
    }
  }

  /** The server refused a publish: it will never be delivered, so it is neither published nor expected. */
  void unpublished(long sendNanos, int fanout) {
    if (measured(sendNanos)) {
      publishesMeasured.decrement();
      deliveriesExpected.add(-fanout);
    }
  }

  void delivered(long sendNanos, long arrivalNanos) {
    deliveriesReceived.increment();
    if (measured(sendNanos)) {
      deliveriesMeasured.increment();
      lastMeasuredArrivalNanos.accumulateAndGet(arrivalNanos, Math::max);
      long micros = TimeUnit.NANOSECONDS.toMicros(arrivalNanos - sendNanos);
      latency.recordValue(Math.max(1, Math.min(micros, HIGHEST_MICROS)));
    }
  }

  /** A catch-up delivery (flagged pending): counted, acked, but not timed. */
  void deliveredPending() {
    pendingDeliveries.increment();
  }

  /** A delivery that is not from this run, such as an old message a reused account still had pending. */
  void deliveredForeign() {
    foreignDeliveries.increment();
  }

  void fellBehind(long publishes) {
    behindSchedule.add(publishes);
  }

  void failed(String code) {
    errors.computeIfAbsent(code, c -> new LongAdder()).increment();
  }

  long publishesSent() {
    return publishesSent.sum();
  }

  long deliveriesReceived() {
    return deliveriesReceived.sum();
  }

  long publishesMeasured() {
    return publishesMeasured.sum();
  }

  long deliveriesMeasured() {
    return deliveriesMeasured.sum();
  }

  long deliveriesExpected() {
    return deliveriesExpected.sum();
  }

  /** When the latest delivery of a measured publish arrived; {@code Long.MIN_VALUE} before the first. */
  long lastMeasuredArrivalNanos() {
    return lastMeasuredArrivalNanos.get();
  }

  long pendingDeliveries() {
    return pendingDeliveries.sum();
  }

  long foreignDeliveries() {
    return foreignDeliveries.sum();
  }

  long behindSchedule() {
    return behindSchedule.sum();
  }

  long errorCount() {
    return errors.values().stream().mapToLong(LongAdder::sum).sum();
  }

  Map<String, Long> errorsByCode() {
    Map<String, Long> byCode = new TreeMap<>();
    errors.forEach((code, count) -> byCode.put(code, count.sum()));
    return byCode;
  }

  /** Folds what was recorded since the last call into the run's total and returns a copy of the total. */
  synchronized Histogram latencySoFar() {
    latencyTotal.add(latency.getIntervalHistogram());
    return latencyTotal.copy();
  }
}
