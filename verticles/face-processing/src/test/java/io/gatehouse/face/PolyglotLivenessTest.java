package io.gatehouse.face;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.face.AnalyzeFrame;
import io.gatehouse.contract.face.FrameAnalysis;
import io.gatehouse.contract.face.FrameOutcome;
import io.gatehouse.face.engine.FaceFixtures;
import io.gatehouse.face.polyglot.EngineTestKit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liveness on the polyglot engine against replayed photos ({@link FaceFixtures} says how frames are made from
 * real photographs). Blinks are read from the eyelids that the iris net traces: eyes painted shut on a photo may look
 * shut to it too, so such replays may show blinks; they are refused because a photo shows no head motion: moving or
 * scaling it does not change the landmark pose, and alternating it with its mirror image makes the pose jump
 * between two values without passing between them, which does not count.
 */
@DisplayName("liveness on the polyglot engine refuses replayed photos")
class PolyglotLivenessTest {

  private static final int WINDOW = 8;

  private static BusSessions sessions;

  @BeforeAll
  static void deploy() {
    sessions = new BusSessions("faceliveness", EngineTestKit.faceSection(1).put("livenessFrameWindow", WINDOW));
  }

  @AfterAll
  static void close() {
    sessions.close();
  }

  private static List<FrameOutcome> play(String userId, List<byte[]> frames) {
    String session = sessions.openEnrollment(userId, 3);
    List<FrameOutcome> outcomes = new ArrayList<>();
    for (byte[] frame : frames) {
      FrameOutcome outcome = BusSessions.await(sessions.send(session, frame));
      outcomes.add(outcome);
      if (outcome.finished()) {
        break;
      }
    }
    return outcomes;
  }

  @Test
  @DisplayName("a still photo sent again and again never passes: no blink, no motion, and the session fails")
  void stillPhotoFails() {
    byte[] still = FaceFixtures.faceApiSample(3, 0).frame(170, 0, 0, false);

    List<FrameOutcome> outcomes = play("still", Collections.nCopies(WINDOW + 2, still));

    FrameOutcome last = outcomes.get(outcomes.size() - 1);
    assertThat(outcomes).allSatisfy(o -> assertThat(o.kind()).isNotIn(FrameOutcome.Kind.ENROLLED));
    assertThat(last.kind()).isEqualTo(FrameOutcome.Kind.LIVENESS_FAILED);
    assertThat(last.blinks()).isZero();
    assertThat(last.motion()).isFalse();
  }

  @Test
  @DisplayName("a photo shifted and rescaled with its eyes edited shut in alternate frames fails: whether or not the "
    + "painted lids pass for a blink, there is no head motion")
  void editedEyesOnAShiftedPhotoFail() {
    for (FaceFixtures photo : List.of(FaceFixtures.faceApiSample(3, 0), FaceFixtures.sina())) {
      List<byte[]> frames = List.of(photo.frame(170, 0, 0, false), photo.frame(170, 40, 10, true),
        photo.frame(175, 40, 10, false), photo.frameWithEyesDrawnShut(175, 20, 0), photo.frame(180, -30, 0, false),
        photo.frame(170, -30, 5, true), photo.frame(165, 0, -10, false), photo.frameWithEyesDrawnShut(170, 10, 10),
        photo.frame(200, 0, 0, false), photo.frame(150, 20, 0, false));

      List<FrameOutcome> outcomes = play("edited" + frames.size() + photo.hashCode(), frames);

      FrameOutcome last = outcomes.get(outcomes.size() - 1);
      assertThat(last.kind()).isEqualTo(FrameOutcome.Kind.LIVENESS_FAILED);
      assertThat(last.motion()).isFalse();
      assertThat(outcomes).allSatisfy(o -> assertThat(o.faceDetected()).isTrue());
    }
  }

  /**
   * eKYC's {@code turn_left} / {@code turn_right} read the stateless analysis' yaw against {@code ekyc.turnYaw}
   * (0.25): {@code sample4.jpg}'s woman looks down to the image's left, her mirror image to its right.
   */
  @Test
  @DisplayName("the stateless analysis (eKYC liveness) gives a head turned to the image's left a yaw below -0.25, "
    + "its mirror image above 0.25, with the eyes open")
  void turnedHeadsHaveSignedYaw() {
    FaceFixtures turned = FaceFixtures.faceApiSample(4, 0);
    for (int[] framing : new int[][] {{170, 0, 0}, {150, 60, 20}, {200, -40, -10}}) {
      FrameAnalysis left = analyze(turned.frame(framing[0], framing[1], framing[2], false));
      FrameAnalysis right = analyze(turned.mirrored().frame(framing[0], framing[1], framing[2], false));

      assertThat(left.faces()).isEqualTo(1);
      assertThat(left.yaw()).isLessThan(-0.25);
      assertThat(right.yaw()).isGreaterThan(0.25);
      assertThat(left.eyesOpen()).isTrue();
      assertThat(right.eyesOpen()).isTrue();
    }
  }

  private static FrameAnalysis analyze(byte[] frame) {
    return BusSessions.await(sessions.vertx.eventBus().<FrameAnalysis>request(Addresses.Face.ANALYZE_FRAME,
      new AnalyzeFrame(frame)).map(reply -> reply.body()));
  }

  @Test
  @DisplayName("a photo of a turned head alternated with its mirror image, shifted, with its eyes edited shut in "
    + "some frames, fails: the yaw jumps between two poses without passing between them, which is no motion")
  void mirroredPhotoIsNoMotion() {
    FaceFixtures turned = FaceFixtures.faceApiSample(4, 0);
    FaceFixtures mirror = turned.mirrored();
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; frames.size() < WINDOW + 2; i++) {
      int dx = (i % 3 - 1) * 30;
      frames.add(i % 3 == 2 ? turned.frameWithEyesDrawnShut(170, dx, 0) : turned.frame(170, dx, 0, false));
      frames.add(i % 3 == 1 ? mirror.frame(175, -dx, 5, true) : mirror.frame(175, -dx, 5, false));
    }

    List<FrameOutcome> outcomes = play("mirror", frames);

    FrameOutcome last = outcomes.get(outcomes.size() - 1);
    assertThat(last.kind()).isEqualTo(FrameOutcome.Kind.LIVENESS_FAILED);
    assertThat(last.motion()).isFalse();
  }
}
