package io.gatehouse.stomp;

import io.gatehouse.face.engine.FaceClips;
import io.gatehouse.face.polyglot.EngineTestKit;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import static io.gatehouse.stomp.PythonStompClient.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * eKYC's {@code liveness_check} on real video through the polyglot engine, driven by seed 000's Python client: the
 * FGNet talking-face clip ({@link FaceClips#TALKING_MAN}) from 6.5 s, at its own 24 frames a second, where the man
 * blinks once (eyes shut at ~6.9 s) while he talks. The blink is judged against his own open-eye level. The turns:
 * {@link FaceClips#TURNING_MAN} from 37.5 s, where another man turns his head to the image's left and then to its
 * right; he blinks too, at ~25.6 s. A verification holds one face: his blink and his turns verify, the talking man's
 * blink and his turns do not.
 */
@DisplayName("eKYC liveness_check passes a real blink from video on the polyglot engine")
class RealBlinkEkycTest {

  private static SignupFixture fixture;
  /** The man of {@link FaceClips#TURNING_MAN} turns his head by ~0.25 of yaw each way. */
  private static final double TURN_YAW = 0.2;
  /** The frame of {@code turning} (10 a second from 37.5 s) where his head is furthest to the image's left. */
  private static final int LEFTMOST = 8;

  private static List<String> talking;
  private static List<String> turnerBlinking;
  private static List<String> turning;
  private static List<String> turnedPhoto;

  private static List<String> base64(List<byte[]> frames) {
    return frames.stream().map(jpeg -> Base64.getEncoder().encodeToString(jpeg)).toList();
  }

  @BeforeAll
  static void start() {
    fixture = new SignupFixture(new JsonObject().put("face", EngineTestKit.faceSection(1))
      .put("ekyc", new JsonObject().put("turnYaw", TURN_YAW)));
    talking = base64(FaceClips.frames(FaceClips.TALKING_MAN, 6.5, 0.625, 24));
    turnerBlinking = base64(FaceClips.frames(FaceClips.TURNING_MAN, FaceClips.TURNING_MAN_BLINK[0],
      FaceClips.TURNING_MAN_BLINK[1], 10));
    turning = base64(FaceClips.frames(FaceClips.TURNING_MAN, 37.5, 2.0, 10));
    String mirroredLeftmost = base64(FaceClips.mirroredFrames(FaceClips.TURNING_MAN, 37.5, 2.0, 10)).get(LEFTMOST);
    turnedPhoto = List.of(turning.get(LEFTMOST), mirroredLeftmost);
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

  /** START, {@code blink} as liveness_check, then {@code turns} as (step code, frame) pairs. */
  private JsonArray sends(String slotId, List<String> blink, List<String[]> turns) {
    JsonArray sends = new JsonArray().add(step(slotId, "START", "0", ""));
    int order = 1;
    for (String frame : blink) {
      sends.add(step(slotId, "liveness_check", order++, frame));
    }
    for (String[] turn : turns) {
      sends.add(step(slotId, turn[0], order++, turn[1]));
    }
    return sends;
  }

  /** The turning man's frames as turn_left up to his leftmost pose, then as turn_right. */
  private static List<String[]> turns() {
    List<String[]> turns = new ArrayList<>();
    for (int i = 0; i < turning.size(); i++) {
      turns.add(new String[] {i <= LEFTMOST ? "turn_left" : "turn_right", turning.get(i)});
    }
    return turns;
  }

  @Test
  @DisplayName("one man who blinks and then turns his head to the image's left and then to its right on video "
    + "reaches END, and the user is verified")
  void oneManBlinksAndTurns() {
    SignupClient browser = fixture.browser();
    String slotId = fixture.allotSlot(browser, "face-liveness-verifier");
    PythonStompClient.Run run = PythonStompClient.run(fixture.stomp.webSocketPort(), slotId, browser.cookieHeader(),
      sends(slotId, turnerBlinking, turns()), "END");

    assertThat(run.status()).as(run.toString()).isZero();
    List<String> described = run.messages().stream().map(SeedSignupFlowTest::describe).toList();
    assertThat(described).containsSubsequence("step turn_left", "step turn_right", "step END")
      .doesNotContain("ERROR identity_changed");
    assertThat(fixture.awaitStatus(browser, "COMPLETED")).isEqualTo("COMPLETED");
    assertThat(fixture.userVerified(browser.account)).isTrue();
  }

  @Test
  @DisplayName("the talking man's blink and then the other man's turns never reach END: the frame that would complete "
    + "turn_left shows another face and is refused with identity_changed, and the user stays unverified")
  void twoMenAreRefused() {
    SignupClient browser = fixture.browser();
    String slotId = fixture.allotSlot(browser, "face-liveness-verifier");
    JsonArray sends = sends(slotId, talking, turns());
    PythonStompClient.Run run = PythonStompClient.runForMessages(fixture.stomp.webSocketPort(), slotId,
      browser.cookieHeader(), sends, sends.size());

    assertThat(run.status()).as(run.toString()).isZero();
    List<String> described = run.messages().stream().map(SeedSignupFlowTest::describe).toList();
    assertThat(described).as(described.toString()).containsSubsequence("step turn_left", "ERROR identity_changed")
      .doesNotContain("step turn_right", "step END");
    assertThat(browser.get("/v1/signup/identity-verification/status", null).response().getString("status"))
      .isEqualTo("STARTED");
    assertThat(fixture.userVerified(browser.account)).isFalse();
  }

  @Test
  @DisplayName("after his blink, a still of the man's head turned to the image's left alternated with its mirror image "
    + "never reaches END: the yaw jumps from one side to the other without turning through the poses between")
  void turnedPhotoAndMirrorFail() {
    SignupClient browser = fixture.browser();
    String slotId = fixture.allotSlot(browser, "face-liveness-verifier");
    List<String[]> turns = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      turns.add(new String[] {"turn_left", turnedPhoto.get(i % 2)});
    }
    for (int i = 0; i < 10; i++) {
      turns.add(new String[] {"turn_right", turnedPhoto.get(i % 2)});
    }
    JsonArray sends = sends(slotId, turnerBlinking, turns);
    PythonStompClient.Run run = PythonStompClient.runForMessages(fixture.stomp.webSocketPort(), slotId,
      browser.cookieHeader(), sends, sends.size());

    assertThat(run.status()).as(run.toString()).isZero();
    List<String> described = run.messages().stream().map(SeedSignupFlowTest::describe).toList();
    assertThat(described).as(described.toString()).contains("step turn_left")
      .doesNotContain("step END", "ERROR identity_changed");
    assertThat(fixture.userVerified(browser.account)).isFalse();
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
