package io.gatehouse.face;

import io.gatehouse.contract.face.FrameAnalysis;
import io.gatehouse.contract.face.SessionType;
import io.gatehouse.face.engine.FaceEngine;
import io.gatehouse.face.engine.FaceShape;
import io.gatehouse.face.engine.FaceTemplate;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which frames of a session carry a template: the samples, then the frames {@link IdentityGuard} checks against
 * them. The random checks are switched off here (a source that never picks) or forced (one that always does).
 */
@DisplayName("a face session asks for templates for its samples and for the frames it checks against them")
class FaceSessionTemplatesTest {

  private static final FaceOptions OPTIONS = FaceOptions.from(new JsonObject().put("face",
    new JsonObject().put("maxTargetFrames", 4).put("livenessFrameWindow", 12)));
  private static final RandomGenerator NEVER = drawing(1);
  private static final RandomGenerator ALWAYS = drawing(0);

  /** A source whose every draw of a bounded int is {@code value} (0 = the frame is checked). */
  private static RandomGenerator drawing(int value) {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return value;
      }

      @Override
      public int nextInt(int bound) {
        return value;
      }
    };
  }

  private static FaceSession session(int target, RandomGenerator random) {
    return new FaceSession(new SessionSpec("s", "token", "client", SessionType.ENROLLMENT, "user", "e", target, 1,
      true), OPTIONS, 0, new IdentityGuard(true, 4, OPTIONS.boxStepLimit(), OPTIONS.poseStepLimit(), random));
  }

  private static FaceEngine.Result frame(boolean withTemplate, double x, double yaw, double eyes) {
    FrameAnalysis analysis = new FrameAnalysis(1, eyes >= 0.2, x, 0.5, 0.3, yaw, 0.9, eyes);
    return new FaceEngine.Result(analysis, eyes, withTemplate ? new FaceTemplate(new float[] {1, 2, 3}) : null,
      new FaceShape(yaw, 0));
  }

  private static FaceSession.Step send(FaceSession session, double x, double yaw, double eyes) {
    FaceEngine.Result result = frame(session.wantsTemplate(), x, yaw, eyes);
    assertThat(session.reject(result, 0)).isNull();
    return session.accept(result, true);
  }

  private static FaceSession.Step send(FaceSession session) {
    return send(session, 0.5, 0, 0.3);
  }

  @Test
  @DisplayName("with a target of 3, the first three counted frames carry templates; later steady frames, not drawn "
    + "at random, do not")
  void templatesUpToTarget() {
    FaceSession session = session(3, NEVER);
    for (int i = 0; i < 3; i++) {
      assertThat(session.wantsTemplate()).as("frame %d", i + 1).isTrue();
      send(session);
    }
    for (int i = 0; i < 5; i++) {
      assertThat(session.wantsTemplate()).isFalse();
      send(session);
    }
    assertThat(session.samples()).hasSize(3);
  }

  @Test
  @DisplayName("a frame drawn at random carries a template, but checked frames do not add samples")
  void randomChecks() {
    FaceSession session = session(3, ALWAYS);
    for (int i = 0; i < 6; i++) {
      assertThat(session.wantsTemplate()).isTrue();
      send(session);
    }
    assertThat(session.samples()).hasSize(3);
  }

  @Test
  @DisplayName("a frame refused for its quality does not use up a template and gets the next frame checked; the "
    + "target is capped by maxTargetFrames")
  void refusedFramesAndCap() {
    FaceSession session = session(3, NEVER);
    FaceEngine.Result blurred = new FaceEngine.Result(new FrameAnalysis(1, true, 0.5, 0.5, 0.3, 0, 0.1, 0.3), 0.3,
      new FaceTemplate(new float[] {1, 2, 3}), new FaceShape(0, 0));
    assertThat(session.reject(blurred, 0)).isNotNull();
    assertThat(session.wantsTemplate()).isTrue();

    FaceSession large = session(10, NEVER);
    for (int i = 0; i < 4; i++) {
      send(large);
    }
    assertThat(large.wantsTemplate()).isFalse();
    assertThat(large.samples()).hasSize(4);
    assertThat(large.reject(new FaceEngine.Result(FrameAnalysis.noSingleFace(0), 0, null), 0)).isNotNull();
    assertThat(large.wantsTemplate()).as("after a frame without a face").isTrue();
  }

  @Test
  @DisplayName("a face box that jumps by more than boxStepLimit face widths, or a pose that jumps, gets the next "
    + "frame checked")
  void jumpsAreChecked() {
    FaceSession session = session(3, NEVER);
    for (int i = 0; i < 4; i++) {
      send(session);
    }
    send(session, 0.8, 0, 0.3); // 0.3 of the image = a whole face width
    assertThat(session.wantsTemplate()).isTrue();
    send(session, 0.8, 0, 0.3);
    assertThat(session.wantsTemplate()).isFalse();
    send(session, 0.8, 0.5, 0.3);
    assertThat(session.wantsTemplate()).isTrue();
  }

  @Test
  @DisplayName("liveness complete on an unchecked frame completes the session only on the next, checked, frame; a "
    + "checked frame of another face ends it as identity changed")
  void completesOnACheckedFrame() {
    FaceSession session = session(3, NEVER);
    for (int i = 0; i < 3; i++) {
      send(session);
    }
    double[] yaws = {0, 0.05, 0.1, 0.15};
    for (double yaw : yaws) {
      assertThat(send(session, 0.5, yaw, 0.3)).isEqualTo(FaceSession.Step.CONTINUE);
    }
    assertThat(session.wantsTemplate()).as("after motion was reached").isTrue();
    assertThat(send(session, 0.5, 0.2, 0.3)).isEqualTo(FaceSession.Step.CONTINUE);
    assertThat(send(session, 0.5, 0.2, 0.05)).isEqualTo(FaceSession.Step.CONTINUE);
    assertThat(session.wantsTemplate()).isFalse();
    assertThat(send(session, 0.5, 0.2, 0.3)).as("the blink completes liveness, unchecked")
      .isEqualTo(FaceSession.Step.CONTINUE);
    assertThat(session.wantsTemplate()).isTrue();
    FaceEngine.Result last = frame(true, 0.5, 0.2, 0.3);
    assertThat(session.reject(last, 0)).isNull();
    assertThat(session.accept(last, false)).isEqualTo(FaceSession.Step.IDENTITY_CHANGED);

    FaceSession genuine = session(3, NEVER);
    for (int i = 0; i < 3; i++) {
      send(genuine);
    }
    for (double yaw : yaws) {
      send(genuine, 0.5, yaw, 0.3);
    }
    send(genuine, 0.5, 0.2, 0.3);
    send(genuine, 0.5, 0.2, 0.05);
    send(genuine, 0.5, 0.2, 0.3);
    assertThat(send(genuine, 0.5, 0.2, 0.3)).isEqualTo(FaceSession.Step.COMPLETE);
  }

  @Test
  @DisplayName("the eyes are read until the blinks asked for are seen, and frames without them count no blink")
  void eyesUntilBlinked() {
    FaceSession session = session(3, NEVER);
    assertThat(session.wantsEyes()).isTrue();
    send(session, 0.5, 0, 0.3);
    send(session, 0.5, 0, 0.05);
    assertThat(session.wantsEyes()).isTrue();
    send(session, 0.5, 0, 0.3);
    assertThat(session.wantsEyes()).as("after the blink").isFalse();

    FaceSession unread = session(3, NEVER);
    for (double eyes : new double[] {0.3, Double.NaN, 0.3, Double.NaN, 0.3}) {
      send(unread, 0.5, 0, eyes);
    }
    assertThat(unread.wantsEyes()).as("no blink from frames whose eyes were not read").isTrue();
  }
}
