package io.gatehouse.contract.face;

/**
 * Blinks counted from a face's eye scores frame by frame, judged against the person's own open-eye level (the
 * highest score seen so far), because absolute scores differ between people, cameras and light: the eyes are closed
 * below {@value #CLOSED_BELOW} of that level and open again at {@value #REOPENED_ABOVE} of it; closed and then open
 * again is one blink. Face sessions and eKYC's liveness step count blinks by this one rule.
 */
public record EyeBlinks(double openLevel, boolean closed, int blinks) {

  public static final double CLOSED_BELOW = 0.55;
  public static final double REOPENED_ABOVE = 0.8;
  /** Below this no open-eye level is known yet (an engine that read no eyes reports 0). */
  private static final double MIN_OPEN_LEVEL = 0.01;

  public static final EyeBlinks NONE = new EyeBlinks(0, false, 0);

  /** The state after one more frame whose eyes scored {@code eyeScore}. */
  public EyeBlinks next(double eyeScore) {
    boolean nowClosed = closed;
    int counted = blinks;
    if (openLevel >= MIN_OPEN_LEVEL) {
      if (!closed && eyeScore < CLOSED_BELOW * openLevel) {
        nowClosed = true;
      } else if (closed && eyeScore >= REOPENED_ABOVE * openLevel) {
        nowClosed = false;
        counted++;
      }
    }
    return new EyeBlinks(Math.max(openLevel, eyeScore), nowClosed, counted);
  }
}
