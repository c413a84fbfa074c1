package io.gatehouse.ekyc;

import io.gatehouse.contract.face.FrameAnalysis;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code liveness_check} step of the face-liveness verifier judges a blink against the person's own open-eye
 * level. Each frame here is one byte, its eye score in hundredths, which the stand-in analyzer reports.
 */
@DisplayName("eKYC liveness_check counts a blink relative to the person's own open-eye level")
class FaceLivenessBlinkTest {

  private final FaceLivenessVerifier verifier = new FaceLivenessVerifier(
    (image, descriptor) -> Future.succeededFuture(new FrameAnalysis(1, image[0] >= 20, 0.5, 0.5, 0.3, 0, 0.9, image[0] / 100.0)),
    EkycOptions.from(new JsonObject()));

  /** The phase after sending frames with these eye scores (hundredths) to liveness_check, one batch per frame. */
  private String phaseAfter(int... eyeScores) {
    JsonObject progress = new JsonObject();
    for (int i = 0; i < eyeScores.length; i++) {
      String frame = Base64.getEncoder().encodeToString(new byte[] {(byte) eyeScores[i]});
      FrameBatch batch = new FrameBatch(FaceLivenessVerifier.LIVENESS_CHECK,
        List.of(new FrameBatch.Frame(frame, i + 1)), null);
      Verifier.Outcome outcome = verifier.process(progress, batch).await();
      progress = outcome.progress();
      if (!FaceLivenessVerifier.LIVENESS_CHECK.equals(progress.getString("phase"))) {
        return progress.getString("phase");
      }
    }
    return progress.getString("phase");
  }

  @Test
  @DisplayName("eyes scoring 0.34, 0.08, 0.33 (a real blink, as the iris net reads one) pass to turn_left")
  void realBlinkPasses() {
    assertThat(phaseAfter(34, 34, 8, 33)).isEqualTo(FaceLivenessVerifier.TURN_LEFT);
  }

  @Test
  @DisplayName("a person whose open eyes score only 0.16 blinks when they fall to 0.06 and rise again, "
    + "though 0.16 is below the absolute cut for open eyes")
  void lowOpenLevelStillBlinks() {
    assertThat(phaseAfter(16, 16, 6, 15)).isEqualTo(FaceLivenessVerifier.TURN_LEFT);
  }

  @Test
  @DisplayName("eyes wavering between 0.34 and 0.22 (within the person's own open range) are no blink, nor is "
    + "closing without opening again, nor a still photo")
  void noBlinkWithoutDropAndReopen() {
    assertThat(phaseAfter(34, 22, 34, 23, 33)).isEqualTo(FaceLivenessVerifier.LIVENESS_CHECK);
    assertThat(phaseAfter(34, 8, 8, 9)).isEqualTo(FaceLivenessVerifier.LIVENESS_CHECK);
    assertThat(phaseAfter(IntStream.generate(() -> 31).limit(10).toArray()))
      .isEqualTo(FaceLivenessVerifier.LIVENESS_CHECK);
  }
}
