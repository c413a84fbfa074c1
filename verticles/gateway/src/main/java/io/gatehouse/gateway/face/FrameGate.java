package io.gatehouse.gateway.face;

/**
 * Seed 002's pacing at the edge: frames closer than {@code minIntervalMs} are refused (not counted), and a
 * session gets at most {@code maxFrames} accepted frames.
 */
final class FrameGate {

  enum Verdict { ACCEPT, TOO_FAST, OVER_CAP }

  private final long minIntervalNanos;
  private final int maxFrames;
  private long lastAccepted = Long.MIN_VALUE;
  private int accepted;

  FrameGate(long minIntervalMs, int maxFrames) {
    this.minIntervalNanos = minIntervalMs * 1_000_000;
    this.maxFrames = maxFrames;
  }

  Verdict admit(long nowNanos) {
    if (accepted >= maxFrames) {
      return Verdict.OVER_CAP;
    }
    if (lastAccepted != Long.MIN_VALUE && nowNanos - lastAccepted < minIntervalNanos) {
      return Verdict.TOO_FAST;
    }
    lastAccepted = nowNanos;
    accepted++;
    return Verdict.ACCEPT;
  }
}
