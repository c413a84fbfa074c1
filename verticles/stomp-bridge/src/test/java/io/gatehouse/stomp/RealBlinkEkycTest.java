package io.gatehouse.stomp;

import io.gatehouse.face.engine.FaceClips;
import io.gatehouse.face.engine.FaceFixtures;
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
 * {@link FaceClips#TURNING_MAN} from 37.5 s, where a man turns his head to the image's left and then to its right.
 */
@DisplayName("eKYC liveness_check passes a real blink from video on the polyglot engine")
class RealBlinkEkycTest {

  private static SignupFixture fixture;
  /** The man of {@link FaceClips#TURNING_MAN} turns his head by ~0.25 of yaw each way. */
  private static final double TURN_YAW = 0.2;
  /** The frame of {@code turning} (10 a second from 37.5 s) where his head is furthest to the image's left. */
  private static final int LEFTMOST = 8;

  private static List<String> talking;
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
    turning = base64(FaceClips.frames(FaceClips.TURNING_MAN, 37.5, 2.0, 10));
    FaceFixtures turner = FaceFixtures.faceApiSample(4, 0);
    turnedPhoto = base64(List.of(turner.frame(170, 0, 0, false), turner.mirrored().frame(170, 0, 0, false)));
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

  /** START, the talking man's blink frames as liveness_check, then {@code turns} as (step code, frame) pairs. */
  private JsonArray sends(String slotId, List<String[]> turns) {
    JsonArray sends = new JsonArray().add(step(slotId, "START", "0", ""));
    int order = 1;
    for (String frame : talking) {
      sends.add(step(slotId, "liveness_check", order++, frame));
    }
    for (String[] turn : turns) {
      sends.add(step(slotId, turn[0], order++, turn[1]));
    }
    return sends;
  }

  @Test
  @DisplayName("after the blink, a man who turns his head to the image's left and then to its right on video reaches "
    + "END, and the user is verified")
  void realTurnsPass() {
    SignupClient browser = fixture.browser();
    String slotId = fixture.allotSlot(browser, "face-liveness-verifier");
    List<String[]> turns = new ArrayList<>();
    for (int i = 0; i < turning.size(); i++) {
      turns.add(new String[] {i <= LEFTMOST ? "turn_left" : "turn_right", turning.get(i)});
    }
    PythonStompClient.Run run = PythonStompClient.run(fixture.stomp.webSocketPort(), slotId, browser.cookieHeader(),
      sends(slotId, turns), "END");

    assertThat(run.status()).as(run.toString()).isZero();
    List<String> described = run.messages().stream().map(SeedSignupFlowTest::describe).toList();
    assertThat(described).containsSubsequence("step turn_left", "step turn_right", "step END");
    assertThat(fixture.awaitStatus(browser, "COMPLETED")).isEqualTo("COMPLETED");
    assertThat(fixture.userVerified(browser.account)).isTrue();
  }

  @Test
  @DisplayName("after the blink, a photo of a head turned to the image's left alternated with its mirror image never "
    + "reaches END: the yaw jumps from one side to the other without turning through the poses between")
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
    JsonArray sends = sends(slotId, turns);
    PythonStompClient.Run run = PythonStompClient.runForMessages(fixture.stomp.webSocketPort(), slotId,
      browser.cookieHeader(), sends, sends.size());

    assertThat(run.status()).as(run.toString()).isZero();
    List<String> described = run.messages().stream().map(SeedSignupFlowTest::describe).toList();
    assertThat(described).as(described.toString()).contains("step turn_left").doesNotContain("step END");
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
