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
  enum Step { CONTINUE, COMPLETE, LIVENESS_FAILED, IDENTITY_CHANGED }

  private final SessionSpec spec;
  private final FaceOptions options;
  private final LivenessTracker liveness;
  private final IdentityGuard identity;
  private final List<FaceTemplate> samples = new ArrayList<>();
  private int frames;
  private boolean faceDetected;
  private double quality;
  private long lastActivity;
  private boolean finished;

  FaceSession(SessionSpec spec, FaceOptions options, long now) {
    this(spec, options, now, new IdentityGuard(options.polyglotEngine(), options.identityCheckEvery(),
      options.boxStepLimit(), options.poseStepLimit()));
  }

  /** With a given identity guard (tests choose its random checks). */
  FaceSession(SessionSpec spec, FaceOptions options, long now, IdentityGuard identity) {
    this.spec = spec;
    this.options = options;
    this.liveness = new LivenessTracker(options.motionThreshold(), options.poseMotionThreshold(),
      options.poseStepLimit());
    this.identity = identity;
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
    if (!analysis.singleFace() || analysis.quality() < options.minQuality()) {
      identity.interrupted();
    }
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
   * rest of a frame): while the session holds fewer samples than it uses, its target frames (at most
   * {@code maxTargetFrames}), and on the frames {@link IdentityGuard} picks to check against them.
   */
  boolean wantsTemplate() {
    return samples.size() < sampleTarget() || identity.checkNext();
  }

  /** Whether the next frame needs its eyes read: while liveness is asked for and blinks are still missing. */
  boolean wantsEyes() {
    return livenessRequired() && liveness.blinks() < requiredBlinks();
  }

  private int sampleTarget() {
    return Math.min(spec.target(), options.maxTargetFrames());
  }

  /** Whether a frame's template must be compared with the samples before {@link #accept}. */
  boolean checksIdentity(FaceEngine.Result result) {
    return identity.enabled() && result.template() != null && !samples.isEmpty();
  }

  /**
   * Counts an accepted frame; {@code sameFace}: its template matched the samples (true when it was not compared).
   * With identity checks, the session completes only on a checked frame; a frame that completes liveness without
   * one gets the next frame checked, even one beyond the liveness window.
   */
  Step accept(FaceEngine.Result result, boolean sameFace) {
    frames++;
    if (!sameFace) {
      return Step.IDENTITY_CHANGED;
    }
    int blinks = liveness.blinks();
    boolean motion = liveness.motion();
    liveness.observe(result.analysis(), result.eyeOpenness(), result.shape());
    boolean checked = result.template() != null;
    if (checked && samples.size() < sampleTarget()) {
      samples.add(result.template());
    }
    identity.observed(result.analysis(), result.shape(), liveness.blinks() != blinks || liveness.motion() != motion);
    int window = Math.max(spec.target(), options.livenessFrameWindow());
    if (frames >= spec.target() && livenessDone()) {
      if (checked || !identity.enabled()) {
        return Step.COMPLETE;
      }
      identity.checkNextFrame();
      return frames > window ? Step.LIVENESS_FAILED : Step.CONTINUE;
    }
    return frames >= window ? Step.LIVENESS_FAILED : Step.CONTINUE;
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
