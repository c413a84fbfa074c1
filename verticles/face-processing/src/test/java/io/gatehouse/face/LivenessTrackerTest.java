package io.gatehouse.face;

import io.gatehouse.contract.face.FrameAnalysis;
import io.gatehouse.face.engine.FaceShape;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LivenessTrackerTest {

  private static FrameAnalysis at(double x) {
    return new FrameAnalysis(1, true, x, 0.5, 0.25, 0, 0.8, 0.3);
  }

  @Test
  @DisplayName("open, closed, open again is one blink; closing alone is not")
  void blinkNeedsReopening() {
    LivenessTracker tracker = new LivenessTracker(0.08, 0.1);
    tracker.observe(at(0.5), 0.20, null);
    tracker.observe(at(0.5), 0.05, null);
    assertThat(tracker.blinks()).isZero();
    tracker.observe(at(0.5), 0.19, null);
    assertThat(tracker.blinks()).isEqualTo(1);
  }

  @Test
  @DisplayName("blinks are judged against the person's own open-eye level, not an absolute score")
  void relativeToOwnLevel() {
    LivenessTracker lowScorer = new LivenessTracker(0.08, 0.1);
    lowScorer.observe(at(0.5), 0.06, null);
    lowScorer.observe(at(0.5), 0.01, null);
    lowScorer.observe(at(0.5), 0.06, null);
    LivenessTracker steady = new LivenessTracker(0.08, 0.1);
    steady.observe(at(0.5), 0.20, null);
    steady.observe(at(0.5), 0.15, null);
    steady.observe(at(0.5), 0.20, null);

    assertThat(lowScorer.blinks()).isEqualTo(1);
    assertThat(steady.blinks()).isZero();
  }

  @Test
  @DisplayName("motion is the face moving by a share of its width; a static photo shows none")
  void motionRelativeToFaceSize() {
    LivenessTracker still = new LivenessTracker(0.08, 0.1);
    for (int i = 0; i < 10; i++) {
      still.observe(at(0.5 + (i % 2) * 0.005), 0.2, null);
    }
    LivenessTracker moving = new LivenessTracker(0.08, 0.1);
    moving.observe(at(0.5), 0.2, null);
    moving.observe(at(0.55), 0.2, null);

    assertThat(still.motion()).isFalse();
    assertThat(still.satisfied(1)).isFalse();
    assertThat(moving.motion()).isTrue();
    assertThat(moving.score(1)).isEqualTo(0.5);
  }

  @Test
  @DisplayName("frames without exactly one face do not count")
  void ignoresFramesWithoutOneFace() {
    LivenessTracker tracker = new LivenessTracker(0.08, 0.1);
    tracker.observe(at(0.5), 0.2, null);
    tracker.observe(FrameAnalysis.noSingleFace(0), 0, null);
    tracker.observe(at(0.5), 0.2, null);
    assertThat(tracker.blinks()).isZero();
  }

  @Test
  @DisplayName("with landmarks, eye aspect ratios 0.31 → 0.12 → 0.30 are a blink, and a face only moved in the frame "
    + "is no motion until its yaw or pitch changes by the threshold")
  void landmarkBlinksAndPoseMotion() {
    LivenessTracker tracker = new LivenessTracker(0.08, 0.15);
    tracker.observe(at(0.3), 0.31, new FaceShape(0.02, -0.10));
    tracker.observe(at(0.7), 0.12, new FaceShape(0.05, -0.08));
    tracker.observe(at(0.5), 0.30, new FaceShape(-0.03, -0.12));
    assertThat(tracker.blinks()).isEqualTo(1);
    assertThat(tracker.motion()).as("moved across the frame, pose within 0.08").isFalse();

    tracker.observe(at(0.5), 0.30, new FaceShape(0.05, -0.11));
    tracker.observe(at(0.5), 0.30, new FaceShape(0.14, -0.11));
    assertThat(tracker.motion()).as("yaw spread 0.17 in steps of at most 0.09").isTrue();
  }

  @Test
  @DisplayName("a nod counts as motion as well as a turn")
  void pitchChangeIsMotion() {
    LivenessTracker tracker = new LivenessTracker(0.08, 0.15);
    tracker.observe(at(0.5), 0.3, new FaceShape(0, -0.1));
    tracker.observe(at(0.5), 0.3, new FaceShape(0, -0.02));
    tracker.observe(at(0.5), 0.3, new FaceShape(0, 0.06));
    assertThat(tracker.motion()).isTrue();
  }

  @Test
  @DisplayName("a photo alternated with its mirror image is no motion: the yaw jumps between two poses, and a jump "
    + "larger than the step limit starts the measurement anew")
  void mirrorAlternationIsNoMotion() {
    LivenessTracker mirrored = new LivenessTracker(0.08, 0.15, 0.1);
    for (int i = 0; i < 12; i++) {
      mirrored.observe(at(0.5), 0.3, new FaceShape(i % 2 == 0 ? 0.3 : -0.3, -0.1));
    }
    LivenessTracker smallMirror = new LivenessTracker(0.08, 0.15, 0.1);
    for (int i = 0; i < 12; i++) {
      smallMirror.observe(at(0.5), 0.3, new FaceShape(i % 2 == 0 ? 0.05 : -0.05, -0.1));
    }
    LivenessTracker turning = new LivenessTracker(0.08, 0.15, 0.1);
    for (double yaw : new double[] {0.3, 0.22, 0.13, 0.05, -0.04, -0.12}) {
      turning.observe(at(0.5), 0.3, new FaceShape(yaw, -0.1));
    }

    assertThat(mirrored.motion()).as("jumps of 0.6").isFalse();
    assertThat(smallMirror.motion()).as("steps of 0.1 span only 0.1").isFalse();
    assertThat(turning.motion()).as("the same span passed through").isTrue();
  }

  @Test
  @DisplayName("face.poseStepLimit defaults to 0.1 and must be above 0")
  void stepLimitConfig() {
    assertThat(FaceOptions.from(new JsonObject()).poseStepLimit()).isEqualTo(0.1);
    for (double bad : new double[] {0, -0.1}) {
      assertThatThrownBy(() -> FaceOptions.from(new JsonObject().put("face", new JsonObject().put("poseStepLimit", bad))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("face.poseStepLimit must be above 0");
    }
  }
}
