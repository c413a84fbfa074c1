package io.gatehouse.gateway.face;

/**
 * Seed 002's pacing at the edge: at most one frame per {@code minIntervalMs} on average, and at most
 * {@code maxFrames} accepted frames per session. Spacing is judged against a schedule, not against the
 * previous arrival: each accepted frame books the next slot {@code minIntervalMs} after its own slot (or
 * after its arrival, when later), and a frame may arrive up to {@code jitterToleranceMs} before its slot.
 * So a frame the network delayed does not get the next, punctual one refused, while a client sending faster
 * than one frame per interval still is (a refused frame is not counted and books nothing).
 */
final class FrameGate {

  enum Verdict { ACCEPT, TOO_FAST, OVER_CAP }

  private final long intervalNanos;
  private final long toleranceNanos;
  private final int maxFrames;
  private boolean started;
  private long nextSlot;
  private int accepted;

  FrameGate(long minIntervalMs, long jitterToleranceMs, int maxFrames) {
    if (jitterToleranceMs < 0 || jitterToleranceMs > minIntervalMs) {
      throw new IllegalArgumentException("face.frameJitterToleranceMs must be between 0 and face.minFrameIntervalMs");
    }
    this.intervalNanos = minIntervalMs * 1_000_000;
    this.toleranceNanos = jitterToleranceMs * 1_000_000;
    this.maxFrames = maxFrames;
  }

  Verdict admit(long nowNanos) {
    if (accepted >= maxFrames) {
      return Verdict.OVER_CAP;
    }
    if (started && nowNanos - (nextSlot - toleranceNanos) < 0) {
      return Verdict.TOO_FAST;
    }
    long slot = started && nextSlot - nowNanos > 0 ? nextSlot : nowNanos;
    nextSlot = slot + intervalNanos;
    started = true;
    accepted++;
    return Verdict.ACCEPT;
  }
}
