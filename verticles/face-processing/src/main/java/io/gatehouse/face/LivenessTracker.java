package io.gatehouse.face;

import io.gatehouse.contract.face.EyeBlinks;
import io.gatehouse.contract.face.FrameAnalysis;
import io.gatehouse.face.engine.FaceShape;

/**
 * Liveness over a session's frames. Blinks are counted by {@link EyeBlinks}: open → closed → open, judged against
 * the session's own open-eye level.
 * <p>Motion, where the engine reads head pose from landmarks: the head's yaw or pitch changing by at least
 * {@code poseMotionThreshold} over a run of frames in which the pose moves by at most {@code poseStepLimit} from one
 * frame to the next. A photo moved, scaled or re-framed in front of the camera keeps its pose, so shifting a still
 * picture (even one with its eyes edited shut in some frames) is no motion; a photo alternated with its mirror
 * image jumps from one pose to the other without passing between them, and a jump starts the run anew, so it is
 * no motion either (a head turns through the poses in between).
 * Without landmarks (the local engine): the face centre moving at least {@code motionThreshold} face widths from
 * where it first was, or the face growing or shrinking by that share. A repeated static photo produces neither.
 */
final class LivenessTracker {

  private final double motionThreshold;
  private final double poseMotionThreshold;
  private final double poseStepLimit;
  private FaceShape previousShape;
  private double minYaw = Double.MAX_VALUE;
  private double maxYaw = -Double.MAX_VALUE;
  private double minPitch = Double.MAX_VALUE;
  private double maxPitch = -Double.MAX_VALUE;
  private EyeBlinks eyes = EyeBlinks.NONE;
  private boolean motion;
  private FrameAnalysis first;

  LivenessTracker(double motionThreshold, double poseMotionThreshold, double poseStepLimit) {
    this.motionThreshold = motionThreshold;
    this.poseMotionThreshold = poseMotionThreshold;
    this.poseStepLimit = poseStepLimit;
  }

  LivenessTracker(double motionThreshold, double poseMotionThreshold) {
    this(motionThreshold, poseMotionThreshold, FaceOptions.DEFAULT_POSE_STEP_LIMIT);
  }

  /** One frame's face: its analysis, the engine's eye score ({@code NaN}: not read) and its head pose, if any. */
  void observe(FrameAnalysis frame, double eyeScore, FaceShape shape) {
    if (!frame.singleFace()) {
      return;
    }
    if (shape != null) {
      motion |= turned(shape);
    } else if (first == null) {
      first = frame;
    } else if (moved(frame)) {
      motion = true;
    }
    if (!Double.isNaN(eyeScore)) {
      eyes = eyes.next(eyeScore);
    }
  }

  private boolean turned(FaceShape shape) {
    if (previousShape != null && (Math.abs(shape.yaw() - previousShape.yaw()) > poseStepLimit
      || Math.abs(shape.pitch() - previousShape.pitch()) > poseStepLimit)) {
      minYaw = Double.MAX_VALUE;
      maxYaw = -Double.MAX_VALUE;
      minPitch = Double.MAX_VALUE;
      maxPitch = -Double.MAX_VALUE;
    }
    previousShape = shape;
    minYaw = Math.min(minYaw, shape.yaw());
    maxYaw = Math.max(maxYaw, shape.yaw());
    minPitch = Math.min(minPitch, shape.pitch());
    maxPitch = Math.max(maxPitch, shape.pitch());
    return maxYaw - minYaw >= poseMotionThreshold || maxPitch - minPitch >= poseMotionThreshold;
  }

  private boolean moved(FrameAnalysis frame) {
    double dx = frame.faceCenterX() - first.faceCenterX();
    double dy = frame.faceCenterY() - first.faceCenterY();
    double shift = Math.hypot(dx, dy) / first.faceWidth();
    double scale = Math.abs(frame.faceWidth() - first.faceWidth()) / first.faceWidth();
    return shift >= motionThreshold || scale >= motionThreshold;
  }

  int blinks() {
    return eyes.blinks();
  }

  boolean motion() {
    return motion;
  }

  boolean satisfied(int requiredBlinks) {
    return eyes.blinks() >= requiredBlinks && motion;
  }

  /** 0..1: half for the blinks asked for, half for motion. */
  double score(int requiredBlinks) {
    double blinkPart = requiredBlinks <= 0 ? 1 : Math.min(1.0, eyes.blinks() / (double) requiredBlinks);
    return 0.5 * blinkPart + (motion ? 0.5 : 0);
  }
}
