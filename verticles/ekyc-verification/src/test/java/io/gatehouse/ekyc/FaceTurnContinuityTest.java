package io.gatehouse.ekyc;

import io.gatehouse.contract.face.FrameAnalysis;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code turn_left} and {@code turn_right} want a head that turns: the yaw (FrameAnalysis, -1..1) must pass
 * {@code turnYaw} (0.25) after moving at least that far through frames that each move it by at most
 * {@code turnStepLimit} (0.3). Each frame here is one byte, its yaw in hundredths, which the stand-in analyzer
 * reports; {@code NO_FACE} is a frame without a face.
 */
@DisplayName("eKYC turns count only when the head turns through the poses in between")
class FaceTurnContinuityTest {

  private static final int NO_FACE = 127;

  private final FaceLivenessVerifier verifier = new FaceLivenessVerifier(
    (image, descriptor) -> Future.succeededFuture(image[0] == NO_FACE ? FrameAnalysis.noSingleFace(0)
      : new FrameAnalysis(1, true, 0.5, 0.5, 0.3, image[0] / 100.0, 0.9, 0.3)),
    EkycOptions.from(new JsonObject()));

  /** The phase after frames with these yaws (hundredths), each sent in the phase the verifier is in. */
  private String phaseAfter(int... yaws) {
    JsonObject progress = new JsonObject().put("phase", FaceLivenessVerifier.TURN_LEFT);
    for (int i = 0; i < yaws.length; i++) {
      String frame = Base64.getEncoder().encodeToString(new byte[] {(byte) yaws[i]});
      FrameBatch batch = new FrameBatch(progress.getString("phase"), List.of(new FrameBatch.Frame(frame, i + 1)), null);
      progress = verifier.process(progress, batch).await().progress();
    }
    return progress.getString("phase");
  }

  @Test
  @DisplayName("a head turning from frontal to the left in steps of 0.1, then to the right, reaches END")
  void turningHeadPasses() {
    assertThat(phaseAfter(0, -10, -20, -30)).isEqualTo(FaceLivenessVerifier.TURN_RIGHT);
    assertThat(phaseAfter(5, -10, -25, -28, -5, 15, 30)).isEqualTo(Verifier.END);
    assertThat(phaseAfter(0, -28, 0, 28)).as("steps up to turnStepLimit").isEqualTo(Verifier.END);
  }

  @Test
  @DisplayName("a photo of a head turned left, shown after a frontal one or alone, is no turn")
  void turnedPhotoIsNoTurn() {
    assertThat(phaseAfter(0, -40, -40, -41, -40)).isEqualTo(FaceLivenessVerifier.TURN_LEFT);
    assertThat(phaseAfter(-40, -40, -40)).isEqualTo(FaceLivenessVerifier.TURN_LEFT);
  }

  @Test
  @DisplayName("a photo turned left and its mirror image, alternated, pass neither turn: the yaw jumps")
  void mirrorImageIsNoTurn() {
    assertThat(phaseAfter(-40, 40, -40, 40, -40)).isEqualTo(FaceLivenessVerifier.TURN_LEFT);
    assertThat(phaseAfter(0, -10, -20, -30, 40, -30, 40, 40)).isEqualTo(FaceLivenessVerifier.TURN_RIGHT);
  }

  @Test
  @DisplayName("a frame without a face breaks the turn: the head must turn again after it")
  void lostFaceBreaksTheTurn() {
    assertThat(phaseAfter(0, -15, NO_FACE, -30)).isEqualTo(FaceLivenessVerifier.TURN_LEFT);
    assertThat(phaseAfter(0, -15, NO_FACE, -5, -31)).isEqualTo(FaceLivenessVerifier.TURN_RIGHT);
  }

  @Test
  @DisplayName("ekyc.turnStepLimit must be above 0 and below twice turnYaw")
  void stepLimitValidated() {
    assertThatThrownBy(() -> EkycOptions.from(new JsonObject()
      .put("ekyc", new JsonObject().put("turnStepLimit", 0.5)))).hasMessageContaining("turnStepLimit");
    assertThatThrownBy(() -> EkycOptions.from(new JsonObject()
      .put("ekyc", new JsonObject().put("turnStepLimit", 0)))).hasMessageContaining("turnStepLimit");
  }
}
