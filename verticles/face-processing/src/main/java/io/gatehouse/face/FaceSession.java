package io.gatehouse.face;

import io.gatehouse.contract.face.FrameAnalysis;
import io.gatehouse.contract.face.FrameOutcome;
import io.gatehouse.contract.face.FrameOutcome.Kind;
import io.gatehouse.contract.face.SessionType;
import io.gatehouse.face.engine.FaceEngine;
import io.gatehouse.face.engine.FaceTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The live state of one session on its owner: counted frames, liveness and the templates of good frames.
 * {@link #accept} decides what a frame means; completion work (storing, matching, sealing) is the caller's.
 */
final class FaceSession {

  /** What the session needs next after a frame. */
  enum Step { CONTINUE, COMPLETE, LIVENESS_FAILED }

  private final SessionSpec spec;
  private final FaceOptions options;
  private final LivenessTracker liveness;
  private final List<FaceTemplate> samples = new ArrayList<>();
  private int frames;
  private boolean faceDetected;
  private double quality;
  private long lastActivity;
  private boolean finished;

  FaceSession(SessionSpec spec, FaceOptions options, long now) {
    this.spec = spec;
    this.options = options;
    this.liveness = new LivenessTracker(options.motionThreshold(), options.poseMotionThreshold(),
      options.poseStepLimit());
    this.lastActivity = now;
  }

  SessionSpec spec() {
    return spec;
  }

  List<FaceTemplate> samples() {
    return List.copyOf(samples);
  }

  boolean idleSince(long now, long idleMs) {
    return now - lastActivity >= idleMs;
  }

  boolean finished() {
    return finished;
  }

  void finish() {
    finished = true;
  }

  /** Counts a frame that shows one face of sufficient quality; returns the rejection otherwise. */
  FrameOutcome reject(FaceEngine.Result result, long now) {
    lastActivity = now;
    FrameAnalysis analysis = result.analysis();
    faceDetected = analysis.singleFace();
    quality = analysis.quality();
    if (analysis.faces() == 0) {
      return outcome(Kind.REJECTED, "no_face", "No face detected");
    }
    if (analysis.faces() > 1) {
      return outcome(Kind.REJECTED, "several_faces", "Multiple faces detected, only one person may be in view");
    }
    if (analysis.quality() < options.minQuality()) {
      return outcome(Kind.REJECTED, "low_quality", "Image quality too low, improve lighting and hold still");
    }
    return null;
  }

  /**
   * Whether the next frame should come with a template (a descriptor costs the polyglot engine more CPU than the
   * rest of a frame): only while the session holds fewer than it uses, its target frames (at most
   * {@code maxTargetFrames}). Frames after that serve liveness only.
   */
  boolean wantsTemplate() {
    return samples.size() < Math.min(spec.target(), options.maxTargetFrames());
  }

  Step accept(FaceEngine.Result result) {
    frames++;
    liveness.observe(result.analysis(), result.eyeOpenness(), result.shape());
    if (result.template() != null && samples.size() < options.maxTargetFrames()) {
      samples.add(result.template());
    }
    if (frames >= spec.target() && livenessDone()) {
      return Step.COMPLETE;
    }
    return frames >= Math.max(spec.target(), options.livenessFrameWindow()) ? Step.LIVENESS_FAILED : Step.CONTINUE;
  }

  /** Enrollment asks for liveness unless {@code face.enrollmentLiveness} is off; authentication when the client asks. */
  private boolean livenessRequired() {
    return spec.type() == SessionType.ENROLLMENT ? options.enrollmentLiveness() : spec.requireLiveness();
  }

  private int requiredBlinks() {
    return spec.type() == SessionType.ENROLLMENT ? Math.max(1, spec.requiredBlinks()) : spec.requiredBlinks();
  }

  private boolean livenessDone() {
    return !livenessRequired() || liveness.satisfied(requiredBlinks());
  }

  boolean livenessVerified() {
    return livenessRequired() && liveness.satisfied(requiredBlinks());
  }

  FrameOutcome outcome(Kind kind, String reason, String message) {
    return outcome(kind, reason, message, null, 0, null);
  }

  FrameOutcome outcome(Kind kind, String reason, String message, String subjectId, double confidence,
                       String encryptedPayload) {
    return new FrameOutcome(kind, reason, message, frames, spec.target(), faceDetected, liveness.blinks(),
      liveness.motion(), livenessVerified(), round(liveness.score(requiredBlinks())), round(quality), subjectId,
      round(confidence), encryptedPayload);
  }

  private static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}
