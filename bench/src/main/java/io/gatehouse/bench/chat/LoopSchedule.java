package io.gatehouse.bench.chat;

/** When the closed loops stop counting warm-up and when they stop sending, on the {@link System#nanoTime} clock. */
record LoopSchedule(long measureFromNanos, long stopAtNanos) {

  static LoopSchedule startingAt(long startNanos, ChatOptions options) {
    return new LoopSchedule(startNanos + options.warmup() * 1_000_000_000L,
      startNanos + (options.warmup() + (long) options.seconds()) * 1_000_000_000L);
  }

  boolean measuring(long nowNanos) {
    return nowNanos - measureFromNanos >= 0;
  }

  boolean stopped(long nowNanos) {
    return nowNanos - stopAtNanos >= 0;
  }
}
