package io.gatehouse.ekyc;

import io.gatehouse.contract.face.FaceDescriptors;
import io.gatehouse.contract.face.FrameAnalysis;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A verification holds one face. Each frame here is three bytes: eye score and yaw in hundredths, and a person
 * number; the stand-in engine describes person {@code p} by a descriptor at distance {@code p / 10} from person 0's,
 * and only when asked for one. Person 0 blinks (0.34, 0.08, 0.33) and turns (0, -0.3, 0, 0.3) in the sequences below.
 */
@DisplayName("eKYC face liveness holds one face across a verification")
class FaceIdentityContinuityTest {

  private static final int[][] BLINK = {{34, 0}, {34, 0}, {8, 0}, {33, 0}};
  private static final int[][] TURNS = {{30, 0}, {30, -30}, {30, 0}, {30, 30}};

  private final List<Boolean> describedAsked = new ArrayList<>();

  private FaceLivenessVerifier verifier(JsonObject config, RandomGenerator random) {
    return new FaceLivenessVerifier((image, descriptor) -> {
      describedAsked.add(descriptor);
      FrameAnalysis analysis = new FrameAnalysis(1, image[0] >= 20, 0.5, 0.5, 0.3, image[1] / 100.0, 0.9,
        image[0] / 100.0);
      float[] features = new float[FaceDescriptors.LENGTH];
      features[0] = image[2] / 10f;
      return Future.succeededFuture(descriptor ? analysis.withDescriptor(features) : analysis);
    }, EkycOptions.from(config), random);
  }

  /** Never draws a random check (a generator whose every draw is 1 of 0..n-1, n above 1). */
  private static RandomGenerator neverAtRandom() {
    return new RandomGenerator() {
      @Override
      public long nextLong() {
        return 1;
      }

      @Override
      public int nextInt(int bound) {
        return 1;
      }
    };
  }

  /** Sends the blink as person {@code blinker}, then the turns as person {@code turner}, one frame per batch. */
  private static List<String> run(FaceLivenessVerifier verifier, int blinker, int turner, JsonObject[] last) {
    List<String> described = new ArrayList<>();
    JsonObject progress = new JsonObject();
    for (int[][] part : new int[][][] {BLINK, TURNS}) {
      int person = part == BLINK ? blinker : turner;
      for (int[] frame : part) {
        String image = Base64.getEncoder().encodeToString(new byte[] {(byte) frame[0], (byte) frame[1], (byte) person});
        FrameBatch batch = new FrameBatch(progress.getString("phase", FaceLivenessVerifier.LIVENESS_CHECK),
          List.of(new FrameBatch.Frame(image, described.size() + 1)), null);
        Verifier.Outcome outcome = verifier.process(progress, batch).await();
        progress = outcome.progress();
        outcome.events().forEach(event -> described.add(event.step() != null ? "step " + event.step().getString("code")
          : event.feedback().getString("type") + " " + event.feedback().getString("code")));
      }
    }
    last[0] = progress;
    return described;
  }

  @Test
  @DisplayName("one person blinking and turning reaches END; a second person 0.5 away (within 0.57) is the same face")
  void onePersonPasses() {
    JsonObject[] last = new JsonObject[1];
    assertThat(run(verifier(new JsonObject(), neverAtRandom()), 0, 0, last)).contains("step END")
      .doesNotContain("ERROR identity_changed");
    assertThat(run(verifier(new JsonObject(), neverAtRandom()), 0, 5, last)).contains("step END");
  }

  @Test
  @DisplayName("one person's blink then another's turns never reach END: the frame completing the turn is "
    + "compared with the first face and refused with identity_changed")
  void secondPersonTurningIsRefused() {
    JsonObject[] last = new JsonObject[1];
    List<String> described = run(verifier(new JsonObject(), neverAtRandom()), 0, 9, last);

    assertThat(described).contains("step turn_left", "ERROR identity_changed").doesNotContain("step turn_right",
      "step END");
    assertThat(last[0].getString("phase")).isEqualTo(FaceLivenessVerifier.TURN_LEFT);
  }

  @Test
  @DisplayName("another person doing the blink after the first face was seen is refused on the blink's last frame")
  void secondPersonBlinkingIsRefused() {
    FaceLivenessVerifier verifier = verifier(new JsonObject(), neverAtRandom());
    List<String> described = new ArrayList<>();
    JsonObject progress = new JsonObject();
    int[][] frames = {{34, 0, 0}, {34, 0, 9}, {8, 0, 9}, {33, 0, 9}};
    for (int[] frame : frames) {
      String image = Base64.getEncoder().encodeToString(new byte[] {(byte) frame[0], (byte) frame[1], (byte) frame[2]});
      Verifier.Outcome outcome = verifier.process(progress, new FrameBatch(FaceLivenessVerifier.LIVENESS_CHECK,
        List.of(new FrameBatch.Frame(image, 1)), null)).await();
      progress = outcome.progress();
      outcome.events().forEach(event -> described.add(event.feedback() == null ? "step"
        : event.feedback().getString("code")));
    }
    assertThat(described).endsWith(IdentityCheck.IDENTITY_CHANGED).doesNotContain("step");
    assertThat(progress.getString("phase")).isEqualTo(FaceLivenessVerifier.LIVENESS_CHECK);
  }

  @Test
  @DisplayName("with checks on every frame (identityCheckEvery 1) a swap in the middle of a step is refused at once; "
    + "by default only the first frame, a quarter at random and the step-completing ones are described")
  void randomChecks() {
    JsonObject[] last = new JsonObject[1];
    JsonObject everyFrame = new JsonObject().put("ekyc", new JsonObject().put("identityCheckEvery", 1));
    FaceLivenessVerifier verifier = verifier(everyFrame, new Random(1));
    JsonObject progress = new JsonObject();
    List<String> codes = new ArrayList<>();
    for (int person : new int[] {0, 9}) {
      String image = Base64.getEncoder().encodeToString(new byte[] {34, 0, (byte) person});
      Verifier.Outcome outcome = verifier.process(progress, new FrameBatch(FaceLivenessVerifier.LIVENESS_CHECK,
        List.of(new FrameBatch.Frame(image, 1)), null)).await();
      progress = outcome.progress();
      outcome.events().forEach(event -> codes.add(event.feedback().getString("code")));
    }
    assertThat(codes).containsExactly("blink", IdentityCheck.IDENTITY_CHANGED);

    describedAsked.clear();
    run(verifier(new JsonObject(), neverAtRandom()), 0, 0, last);
    assertThat(describedAsked).hasSize(8 + 3).as("first frame, then only re-analyses of completing frames")
      .containsExactly(true, false, false, false, true, false, false, true, false, false, true);
  }

  @Test
  @DisplayName("the threshold is face.descriptorThreshold: at 0.4 a person 0.5 away is another face")
  void thresholdFromFaceSection() {
    JsonObject[] last = new JsonObject[1];
    JsonObject strict = new JsonObject().put("face", new JsonObject().put("descriptorThreshold", 0.4));
    assertThat(run(verifier(strict, neverAtRandom()), 0, 5, last)).contains("ERROR identity_changed")
      .doesNotContain("step END");
    assertThatThrownBy(() -> EkycOptions.from(new JsonObject().put("ekyc",
      new JsonObject().put("identityCheckEvery", 0)))).hasMessageContaining("identityCheckEvery");
  }
}
