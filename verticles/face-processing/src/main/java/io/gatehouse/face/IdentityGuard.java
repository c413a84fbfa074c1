package io.gatehouse.face;

import io.gatehouse.contract.face.FrameAnalysis;
import io.gatehouse.face.engine.FaceShape;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

/**
 * Ties a session's liveness frames to the person of its samples. Samples are the descriptors of a session's first
 * frames; the frames after them are judged for blinks and head motion without a descriptor (it costs the engine more
 * CPU than the rest of a frame). Without a check, a photo of one person shown for the first frames and another
 * person's live face after them would pass as the first person. So the guard plans which frame is next checked
 * against the samples (a descriptor asked for, compared by the caller):
 * <ul>
 *   <li>at random, each frame with probability {@code 1 / checkEvery}, drawn after the previous frame so the client
 *       cannot know which;</li>
 *   <li>the frame after one that added liveness evidence (a blink counted, head motion reached);</li>
 *   <li>the frame after a break: a refused frame (no face, several, poor quality), or an accepted one whose face box
 *       jumped (its centre moved more than {@code boxStepLimit} face widths, or its width changed by more than that
 *       share) or whose head pose jumped by more than {@code poseStepLimit} from the frame before.</li>
 * </ul>
 * A session completes only on a checked frame, so the last frame is always checked, after all liveness evidence.
 */
final class IdentityGuard {

  private static final RandomGenerator SECURE = new SecureRandom();

  private final RandomGenerator random;
  private final boolean enabled;
  private final int checkEvery;
  private final double boxStepLimit;
  private final double poseStepLimit;
  private FrameAnalysis previous;
  private FaceShape previousShape;
  private boolean checkNext;

  IdentityGuard(boolean enabled, int checkEvery, double boxStepLimit, double poseStepLimit) {
    this(enabled, checkEvery, boxStepLimit, poseStepLimit, SECURE);
  }

  /** With a given source for the random checks (tests). */
  IdentityGuard(boolean enabled, int checkEvery, double boxStepLimit, double poseStepLimit, RandomGenerator random) {
    this.random = random;
    this.enabled = enabled;
    this.checkEvery = checkEvery;
    this.boxStepLimit = boxStepLimit;
    this.poseStepLimit = poseStepLimit;
  }

  /** Whether frames are checked at all (engines with descriptors; the local engine's templates are too weak). */
  boolean enabled() {
    return enabled;
  }

  /** Whether the next frame is to be checked against the samples. */
  boolean checkNext() {
    return checkNext;
  }

  /** A refused frame: the face may have changed unseen, so the next accepted frame is checked. */
  void interrupted() {
    previous = null;
    previousShape = null;
    checkNext = enabled;
  }

  /** An accepted frame; {@code evidence}: it added a blink or reached head motion. Plans the next frame's check. */
  void observed(FrameAnalysis frame, FaceShape shape, boolean evidence) {
    boolean broken = previous != null && !continues(frame, shape);
    previous = frame;
    previousShape = shape;
    checkNext = enabled && (broken || evidence || random.nextInt(checkEvery) == 0);
  }

  /** Liveness is complete but this frame was not checked: the next one must be. */
  void checkNextFrame() {
    checkNext = enabled;
  }

  private boolean continues(FrameAnalysis frame, FaceShape shape) {
    double width = Math.max(previous.faceWidth(), 1e-6);
    double shift = Math.hypot(frame.faceCenterX() - previous.faceCenterX(), frame.faceCenterY() - previous.faceCenterY());
    boolean boxContinues = shift / width <= boxStepLimit
      && Math.abs(frame.faceWidth() - previous.faceWidth()) / width <= boxStepLimit;
    boolean poseContinues = shape == null || previousShape == null
      || Math.abs(shape.yaw() - previousShape.yaw()) <= poseStepLimit
      && Math.abs(shape.pitch() - previousShape.pitch()) <= poseStepLimit;
    return boxContinues && poseContinues;
  }
}
