package io.gatehouse.stomp;

import io.gatehouse.stomp.FakeFaceEngine.Scene;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static io.gatehouse.stomp.PythonStompClient.step;
import static org.assertj.core.api.Assertions.assertThat;

/** The face engine here is {@link FakeFaceEngine} (test only); the integrator reruns this against the real one. */
@DisplayName("face-liveness-verifier over STOMP with the Python client: blink, turn left, turn right, END")
class FaceLivenessFlowTest {

  private static SignupFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new SignupFixture(new JsonObject(), new FakeFaceEngine());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("blank and undecodable frames get ERROR invalid_frame; the liveness steps pass to END and the user is verified")
  void livenessToEnd() {
    SignupClient browser = fixture.browser();
    String slotId = fixture.allotSlot(browser, "face-liveness-verifier");
    String garbage = Base64.getEncoder().encodeToString("definitely not an image".getBytes());
    JsonArray sends = new JsonArray()
      .add(step(slotId, "START", "0", ""))
      .add(step(slotId, "liveness_check", "1", ""))
      .add(step(slotId, "liveness_check", "2", garbage))
      .add(step(slotId, "liveness_check", "3", "%%% not base64 %%%"))
      .add(step(slotId, "liveness_check", "4", Scene.NO_FACE.frame()))
      .add(step(slotId, "liveness_check", "5", Scene.EYES_OPEN.frame()))
      .add(step(slotId, "liveness_check", "6", Scene.EYES_CLOSED.frame()))
      .add(step(slotId, "liveness_check", "7", "data:image/png;base64," + Scene.EYES_OPEN.frame()))
      .add(step(slotId, "turn_left", 8, Scene.TURNED_RIGHT.frame()))
      .add(step(slotId, "turn_left", 9, Scene.TURNED_LEFT.frame()))
      .add(step(slotId, "turn_right", 10, Scene.TURNED_RIGHT.frame()));
    PythonStompClient.Run run = PythonStompClient.run(fixture.stomp.webSocketPort(), slotId, browser.cookieHeader(),
      sends, "END");

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.messages()).extracting(SeedSignupFlowTest::describe).containsExactly(
      "step liveness_check",
      "ERROR invalid_frame", "ERROR invalid_frame", "ERROR invalid_frame",
      "MESSAGE face_not_found", "MESSAGE blink", "MESSAGE blink",
      "step turn_left", "MESSAGE turn_left", "step turn_right", "step END");
    assertThat(browser.get("/v1/signup/identity-verification/status", null).response().getString("status"))
      .isEqualTo("COMPLETED");
    assertThat(fixture.userVerified(browser.account)).isTrue();
  }

  @Test
  @DisplayName("a step out of order is invalid_step_code, and closing with 4000 marks the verification FAILED")
  void abnormalCloseFails() {
    SignupClient browser = fixture.browser();
    String slotId = fixture.allotSlot(browser, "face-liveness-verifier");
    JsonArray sends = new JsonArray()
      .add(step(slotId, "START", "0", ""))
      .add(step(slotId, "turn_right", "1", Scene.TURNED_RIGHT.frame()));
    PythonStompClient.Run run = PythonStompClient.runWithClose(fixture.stomp.webSocketPort(), slotId,
      browser.cookieHeader(), sends, "NEVER", 4000, 3);
    assertThat(run.messages()).extracting(SeedSignupFlowTest::describe)
      .containsExactly("step liveness_check", "ERROR invalid_step_code");
    assertThat(fixture.awaitStatus(browser, "FAILED")).isEqualTo("FAILED");
  }
}
