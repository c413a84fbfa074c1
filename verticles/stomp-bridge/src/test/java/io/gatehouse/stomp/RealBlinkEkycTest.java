package io.gatehouse.stomp;

import io.gatehouse.face.engine.FaceClips;
import io.gatehouse.face.polyglot.EngineTestKit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Collections;
import java.util.List;

import static io.gatehouse.stomp.PythonStompClient.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * eKYC's {@code liveness_check} on real video through the polyglot engine, driven by seed 000's Python client: the
 * FGNet talking-face clip ({@link FaceClips#TALKING_MAN}) from 6.5 s, at its own 24 frames a second, where the man
 * blinks once (eyes shut at ~6.9 s) while he talks. The blink is judged against his own open-eye level.
 */
@DisplayName("eKYC liveness_check passes a real blink from video on the polyglot engine")
class RealBlinkEkycTest {

  private static SignupFixture fixture;
  private static List<String> talking;

  @BeforeAll
  static void start() {
    fixture = new SignupFixture(new JsonObject().put("face", EngineTestKit.faceSection(1)));
    talking = FaceClips.frames(FaceClips.TALKING_MAN, 6.5, 0.625, 24).stream()
      .map(jpeg -> Base64.getEncoder().encodeToString(jpeg)).toList();
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private PythonStompClient.Run play(List<String> frames) {
    SignupClient browser = fixture.browser();
    String slotId = fixture.allotSlot(browser, "face-liveness-verifier");
    JsonArray sends = new JsonArray().add(step(slotId, "START", "0", ""));
    for (int i = 0; i < frames.size(); i++) {
      sends.add(step(slotId, "liveness_check", i + 1, frames.get(i)));
    }
    PythonStompClient.Run run = PythonStompClient.runForMessages(fixture.stomp.webSocketPort(), slotId,
      browser.cookieHeader(), sends, frames.size() + 1);
    assertThat(run.status()).as(run.toString()).isZero();
    return run;
  }

  @Test
  @DisplayName("the man's frames around his blink move the verification on to turn_left")
  void realBlinkPasses() {
    List<String> described = play(talking).messages().stream().map(SeedSignupFlowTest::describe).toList();

    int turned = described.indexOf("step turn_left");
    assertThat(turned).as(described.toString()).isPositive();
    assertThat(described.subList(1, turned)).isNotEmpty().containsOnly("MESSAGE blink");
    assertThat(described.subList(turned + 1, described.size())).containsOnly("ERROR invalid_step_code");
  }

  @Test
  @DisplayName("his first frame sent as often is no blink")
  void stillFrameIsNoBlink() {
    List<String> described = play(Collections.nCopies(talking.size(), talking.get(0))).messages().stream()
      .map(SeedSignupFlowTest::describe).toList();

    assertThat(described.get(0)).isEqualTo("step liveness_check");
    assertThat(described.subList(1, described.size())).hasSize(talking.size()).containsOnly("MESSAGE blink");
  }
}
