package io.gatehouse.stomp;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.gatehouse.stomp.PythonStompClient.step;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("seed 000 end to end: signup REST up to a slot, then the Python websocket-client STOMP session")
class SeedSignupFlowTest {

  private static SignupFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new SignupFixture(new JsonObject());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("the mock verifier plays its story to END over STOMP and the status then says COMPLETED")
  void mockVerifierStory() {
    SignupClient browser = fixture.browser();
    String slotId = fixture.allotSlot(browser, "mock-identity-verifier");
    assertThat(slotId).hasSize(43).matches("[A-Za-z0-9_-]+");
    assertThat(browser.cookies).containsKey("IDV_SLOT_ALLOTTED").doesNotContainKey("IDV_TRANSACTION_ID");
    assertThat(browser.get("/v1/signup/identity-verification/status", null).response().getString("status"))
      .isEqualTo("STARTED");

    JsonArray sends = new JsonArray()
      .add(step(slotId, "START", "0", ""))
      .add(step(slotId, "liveness_check", "1", ""))
      .add(step(slotId, "liveness_check", 2, ""))
      .add(step(slotId, "liveness_check", "3", ""))
      .add(step(slotId, "liveness_check", "5", ""));
    PythonStompClient.Run run = PythonStompClient.run(fixture.stomp.webSocketPort(), slotId, browser.cookieHeader(),
      sends, "END");

    assertThat(run.status()).as(run.toString()).isZero();
    String transactionId = browser.cookies.get("IDV_SLOT_ALLOTTED").split("###")[0];
    assertThat(run.frames("CONNECTED").get(0).getJsonObject("headers").getString("user-name"))
      .isEqualTo(transactionId + "###" + slotId);
    List<JsonObject> messages = run.messages();
    assertThat(messages).extracting(m -> m.getString("id")).containsOnly(slotId);
    assertThat(messages).extracting(m -> m.getString("verifierId")).containsOnly("mock-identity-verifier");
    assertThat(messages).extracting(SeedSignupFlowTest::describe)
      .containsExactly("step liveness_check", "MESSAGE turn_left", "MESSAGE turn_right", "step END");
    assertThat(messages.get(0).getJsonObject("step")).isEqualTo(new JsonObject().put("code", "liveness_check")
      .put("framesPerSecond", 1).put("durationInSeconds", 100).put("startupDelayInSeconds", 2)
      .put("retryOnTimeout", false).put("retryableErrorCodes", new JsonArray()));
    assertThat(browser.get("/v1/signup/identity-verification/status", null).response().getString("status"))
      .isEqualTo("COMPLETED");
  }

  @Test
  @DisplayName("a used slot cookie cannot open a second connection")
  void usedCookieIsRefused() {
    SignupClient browser = fixture.browser();
    String slotId = fixture.allotSlot(browser, "mock-identity-verifier");
    JsonArray start = new JsonArray().add(step(slotId, "START", "0", ""));
    assertThat(PythonStompClient.run(fixture.stomp.webSocketPort(), slotId, browser.cookieHeader(), start,
      "liveness_check").status()).isZero();

    PythonStompClient.Run replay = PythonStompClient.run(fixture.stomp.webSocketPort(), slotId,
      browser.cookieHeader(), start, "liveness_check");
    assertThat(replay.status()).isEqualTo(1);
    assertThat(replay.lines()).anySatisfy(line -> assertThat(line.getString("error", "")).contains("403"));
    assertThat(replay.frames("CONNECTED")).isEmpty();
  }

  @Test
  @DisplayName("the seed's IDV_SLOT_ALOTTED spelling is accepted, a cookie for another slot is not")
  void cookieSpellingsAndMismatch() {
    SignupClient browser = fixture.browser();
    String slotId = fixture.allotSlot(browser, "mock-identity-verifier");
    String value = browser.cookies.get("IDV_SLOT_ALLOTTED");
    JsonArray start = new JsonArray().add(step(slotId, "START", "0", ""));

    PythonStompClient.Run mismatch = PythonStompClient.run(fixture.stomp.webSocketPort(), slotId,
      "IDV_SLOT_ALLOTTED=" + value.split("###")[0] + "###AAAA", start, "liveness_check");
    assertThat(mismatch.frames("CONNECTED")).isEmpty();

    PythonStompClient.Run seedSpelling = PythonStompClient.run(fixture.stomp.webSocketPort(), slotId,
      "IDV_SLOT_ALOTTED=" + value, start, "liveness_check");
    assertThat(seedSpelling.status()).as(seedSpelling.toString()).isZero();
  }

  @Test
  @DisplayName("subscribing to another slot's topic gets ERROR invalid_slot_id and the verification FAILED")
  void otherSlotTopicIsRefused() throws Exception {
    SignupClient first = fixture.browser();
    String otherSlot = fixture.allotSlot(first, "mock-identity-verifier");
    SignupClient browser = fixture.browser();
    String slotId = fixture.allotSlot(browser, "mock-identity-verifier");

    try (RawStomp stomp = RawStomp.webSocket(fixture.gatehouse.vertx, fixture.stomp.webSocketPort(),
      "/v1/signup/ws?slotId=" + slotId, browser.cookieHeader())) {
      stomp.send("CONNECT\naccept-version:1.2\n\n\0SUBSCRIBE\nid:0\ndestination:/topic/" + otherSlot + "\n\n\0");
      assertThat(stomp.readUntilClosed()).contains("CONNECTED").contains("ERROR").contains("invalid_slot_id");
    }
    assertThat(fixture.awaitStatus(browser, "FAILED")).isEqualTo("FAILED");
  }

  @Test
  @DisplayName("bad process-frame bodies are answered with ERROR feedback messages without ids")
  void validationErrorsArePublished() {
    SignupClient browser = fixture.browser();
    String slotId = fixture.allotSlot(browser, "mock-identity-verifier");
    JsonArray sends = new JsonArray()
      .add(step("not-my-slot", "START", "0", ""))
      .add(step(slotId, "dance", "0", ""))
      .add(step(slotId, "liveness_check", "first", ""))
      .add(step(slotId, "START", "0", ""));
    PythonStompClient.Run run = PythonStompClient.run(fixture.stomp.webSocketPort(), slotId, browser.cookieHeader(),
      sends, "liveness_check");

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.messages()).extracting(SeedSignupFlowTest::describe)
      .containsExactly("ERROR invalid_slot_id", "ERROR invalid_step_code", "ERROR invalid_order", "step liveness_check");
    assertThat(run.messages().get(0).getValue("id")).isNull();
    assertThat(run.messages().get(0).getValue("verifierId")).isNull();
  }

  @Test
  @DisplayName("after the END step, bad process-frame bodies still get ERROR feedback messages, and the connection stays")
  void validationErrorsAfterEnd() {
    SignupClient browser = fixture.browser();
    String slotId = fixture.allotSlot(browser, "mock-identity-verifier");
    JsonArray sends = new JsonArray()
      .add(step(slotId, "START", "0", ""))
      .add(step(slotId, "liveness_check", "1", ""))
      .add(step(slotId, "liveness_check", "2", ""))
      .add(step(slotId, "liveness_check", "5", ""))
      .add(step(slotId, " ", "6", ""))
      .add(step(slotId, "liveness_check", -1, ""))
      .add(step("", "liveness_check", "7", ""))
      .add(new JsonObject().put("slotId", slotId).put("stepCode", "liveness_check")
        .put("frames", new JsonArray().add(new JsonObject().put("frame", 42).put("order", 8))));
    PythonStompClient.Run run = PythonStompClient.runForMessages(fixture.stomp.webSocketPort(), slotId,
      browser.cookieHeader(), sends, 8);

    assertThat(run.status()).as(run.toString()).isZero();
    assertThat(run.frames("ERROR")).isEmpty();
    assertThat(run.messages()).extracting(SeedSignupFlowTest::describe).containsExactly("step liveness_check",
      "MESSAGE turn_left", "MESSAGE turn_right", "step END", "ERROR invalid_step_code", "ERROR invalid_order",
      "ERROR invalid_slot_id", "ERROR invalid_frame");
    assertThat(run.messages().subList(4, 8)).allSatisfy(message -> {
      assertThat(message.getValue("id")).isNull();
      assertThat(message.getValue("verifierId")).isNull();
      assertThat(message.getValue("step")).isNull();
    });
  }

  static String describe(JsonObject message) {
    JsonObject step = message.getJsonObject("step");
    JsonObject feedback = message.getJsonObject("feedback");
    return step != null ? "step " + step.getString("code") : feedback.getString("type") + " " + feedback.getString("code");
  }
}
