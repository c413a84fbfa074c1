package io.gatehouse.stomp;

import io.gatehouse.face.engine.FaceFixtures;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static io.gatehouse.stomp.PythonStompClient.step;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * face-liveness-verifier end to end on the real face-processing verticle (OpenCV engine), driven by seed 000's
 * Python websocket-client with camera-like JPEG frames made from real photographs ({@link FaceFixtures}): a woman
 * looking at the camera who blinks (her eyes painted shut in one frame), and a woman who turned her head towards
 * the image's left (her mirror image is the same head turned to the right, but a photo and its mirror image are no
 * turn). The OpenCV engine makes no face descriptors, so the verifier cannot hold the session to one face there and
 * one session may show both women; on the polyglot engine it does ({@link RealBlinkEkycTest}, where real turns also
 * reach END).
 */
@DisplayName("face-liveness-verifier over STOMP with the Python client and real face frames")
class FaceLivenessFlowTest {

  private static SignupFixture fixture;
  private static String eyesOpen;
  private static String eyesClosed;
  private static String nobody;
  private static String turnedLeft;
  private static String turnedRight;

  @BeforeAll
  static void start() {
    FaceFixtures blinker = FaceFixtures.faceApiSample(3, 0);
    FaceFixtures turner = FaceFixtures.faceApiSample(4, 0);
    eyesOpen = base64(blinker.frame(170, 0, 0, false));
    eyesClosed = base64(blinker.frame(170, 0, 0, true));
    nobody = base64(blinker.frame(170, -420, 0, false)); // she stepped out to the left: only hair at the edge
    turnedLeft = base64(turner.frame(170, 0, 0, false));
    turnedRight = base64(turner.mirrored().frame(170, 0, 0, false));
    fixture = new SignupFixture(new JsonObject());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("bad frames are invalid_frame, no face is face_not_found; after a blink, a photo of a head turned to "
    + "the image's left and its mirror image pass no turn (the yaw jumps instead of turning), and the user stays "
    + "unverified")
  void badFramesAndMirroredPhotos() {
    SignupClient browser = fixture.browser();
    String slotId = fixture.allotSlot(browser, "face-liveness-verifier");
    String garbage = Base64.getEncoder().encodeToString("definitely not an image".getBytes());
    JsonArray sends = new JsonArray()
      .add(step(slotId, "START", "0", ""))
      .add(step(slotId, "liveness_check", "1", ""))
      .add(step(slotId, "liveness_check", "2", garbage))
      .add(step(slotId, "liveness_check", "3", "%%% not base64 %%%"))
      .add(step(slotId, "liveness_check", "4", nobody))
      .add(step(slotId, "liveness_check", "5", eyesOpen))
      .add(step(slotId, "liveness_check", "6", eyesClosed))
      .add(step(slotId, "liveness_check", "7", "data:image/jpeg;base64," + eyesOpen))
      .add(step(slotId, "turn_left", 8, turnedRight))
      .add(step(slotId, "turn_left", 9, turnedLeft))
      .add(step(slotId, "turn_left", 10, turnedRight))
      .add(step(slotId, "turn_left", 11, turnedLeft));
    PythonStompClient.Run run = PythonStompClient.runForMessages(fixture.stomp.webSocketPort(), slotId,
      browser.cookieHeader(), sends, 12);

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.messages()).extracting(SeedSignupFlowTest::describe).containsExactly(
      "step liveness_check",
      "ERROR invalid_frame", "ERROR invalid_frame", "ERROR invalid_frame",
      "MESSAGE face_not_found", "MESSAGE blink", "MESSAGE blink",
      "step turn_left", "MESSAGE turn_left", "MESSAGE turn_left", "MESSAGE turn_left", "MESSAGE turn_left");
    assertThat(browser.get("/v1/signup/identity-verification/status", null).response().getString("status"))
      .isEqualTo("STARTED");
    assertThat(fixture.userVerified(browser.account)).isFalse();
  }

  @Test
  @DisplayName("a still photo never passes liveness_check: the same open-eye frame ten times is ten blink requests")
  void stillPhotoIsNotLive() {
    SignupClient browser = fixture.browser();
    String slotId = fixture.allotSlot(browser, "face-liveness-verifier");
    JsonArray sends = new JsonArray().add(step(slotId, "START", "0", ""));
    for (int order = 1; order <= 10; order++) {
      sends.add(step(slotId, "liveness_check", order, eyesOpen));
    }
    sends.add(step(slotId, "turn_left", 11, turnedLeft));
    PythonStompClient.Run run = PythonStompClient.runForMessages(fixture.stomp.webSocketPort(), slotId,
      browser.cookieHeader(), sends, 12);

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.messages()).extracting(SeedSignupFlowTest::describe).containsExactly(
      "step liveness_check",
      "MESSAGE blink", "MESSAGE blink", "MESSAGE blink", "MESSAGE blink", "MESSAGE blink",
      "MESSAGE blink", "MESSAGE blink", "MESSAGE blink", "MESSAGE blink", "MESSAGE blink",
      "ERROR invalid_step_code");
    assertThat(browser.get("/v1/signup/identity-verification/status", null).response().getString("status"))
      .isEqualTo("STARTED");
    assertThat(fixture.userVerified(browser.account)).isFalse();
  }

  @Test
  @DisplayName("a step out of order is invalid_step_code, and closing with 4000 marks the verification FAILED")
  void abnormalCloseFails() {
    SignupClient browser = fixture.browser();
    String slotId = fixture.allotSlot(browser, "face-liveness-verifier");
    JsonArray sends = new JsonArray()
      .add(step(slotId, "START", "0", ""))
      .add(step(slotId, "turn_right", "1", turnedRight));
    PythonStompClient.Run run = PythonStompClient.runWithClose(fixture.stomp.webSocketPort(), slotId,
      browser.cookieHeader(), sends, "NEVER", 4000, 3);
    assertThat(run.messages()).extracting(SeedSignupFlowTest::describe)
      .containsExactly("step liveness_check", "ERROR invalid_step_code");
    assertThat(fixture.awaitStatus(browser, "FAILED")).isEqualTo("FAILED");
  }

  private static String base64(byte[] jpeg) {
    return Base64.getEncoder().encodeToString(jpeg);
  }
}
