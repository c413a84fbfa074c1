package io.gatehouse.face;

import io.gatehouse.contract.face.FrameAnalysis;
import io.gatehouse.face.engine.FaceShape;

/**
 * Liveness over a session's frames. A blink is open → closed → open, judged against the session's own
 * open-eye level (the highest eye score seen), because absolute eye scores differ between people and light:
 * closed below {@value #CLOSED_BELOW} of that level, open again above {@value #REOPENED_ABOVE}.
 * <p>Motion, where the engine reads head pose from landmarks: the head's yaw or pitch changing by at least
 * {@code poseMotionThreshold} over the session. A photo moved, scaled or re-framed in front of the camera keeps
 * its pose, so shifting a still picture (even one with its eyes edited shut in some frames) is no motion.
 * Without landmarks (the local engine): the face centre moving at least {@code motionThreshold} face widths from
 * where it first was, or the face growing or shrinking by that share. A repeated static photo produces neither.
 */
final class LivenessTracker {

  static final double CLOSED_BELOW = 0.55;
  static final double REOPENED_ABOVE = 0.8;
  private static final double MIN_OPEN_LEVEL = 0.01;

  private final double motionThreshold;
  private final double poseMotionThreshold;
  private double minYaw = Double.MAX_VALUE;
  private double maxYaw = -Double.MAX_VALUE;
  private double minPitch = Double.MAX_VALUE;
  private double maxPitch = -Double.MAX_VALUE;
  private double openLevel;
  private boolean closed;
  private int blinks;
  private boolean motion;
  private FrameAnalysis first;

  LivenessTracker(double motionThreshold, double poseMotionThreshold) {
    this.motionThreshold = motionThreshold;
    this.poseMotionThreshold = poseMotionThreshold;
  }

  /** One frame's face: its analysis, the engine's eye score and, from landmark engines, its head pose. */
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
    if (openLevel >= MIN_OPEN_LEVEL) {
      if (!closed && eyeScore < CLOSED_BELOW * openLevel) {
        closed = true;
      } else if (closed && eyeScore >= REOPENED_ABOVE * openLevel) {
        closed = false;
        blinks++;
      }
    }
    openLevel = Math.max(openLevel, eyeScore);
  }

  private boolean turned(FaceShape shape) {
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
    return blinks;
  }

  boolean motion() {
    return motion;
  }

  boolean satisfied(int requiredBlinks) {
    return blinks >= requiredBlinks && motion;
  }

  /** 0..1: half for the blinks asked for, half for motion. */
  double score(int requiredBlinks) {
    double blinkPart = requiredBlinks <= 0 ? 1 : Math.min(1.0, blinks / (double) requiredBlinks);
    return 0.5 * blinkPart + (motion ? 0.5 : 0);
  }
}
