package io.gatehouse.gateway.actions;

/** A token bucket: {@code rate} messages a second on average, bursts up to {@code burst}. Not thread-safe. */
final class RateLimiter {

  private final double rate;
  private final double burst;
  private double tokens;
  private long last;

  RateLimiter(int rate, int burst, long nowNanos) {
    this.rate = rate;
    this.burst = Math.max(burst, 1);
    this.tokens = this.burst;
    this.last = nowNanos;
  }

  boolean tryAcquire(long nowNanos) {
    tokens = Math.min(burst, tokens + (nowNanos - last) * rate / 1e9);
    last = nowNanos;
    if (tokens >= 1) {
      tokens -= 1;
      return true;
    }
    return false;
  }
}
