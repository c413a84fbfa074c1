package io.gatehouse.stomp;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.gatehouse.stomp.SignupFixture.answer;
import static io.gatehouse.stomp.SignupFixture.challenge;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("signup REST (PROTOCOLS §4): envelopes, CSRF, OTP rules, registration and reset")
class SignupRestTest {

  private static SignupFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new SignupFixture(new JsonObject().put("signup", new JsonObject().put("resendDelaySeconds", 1)
      .put("maxResends", 2)).put("ekyc", new JsonObject().put("maxConcurrentSlots", 2)));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("a POST without the X-XSRF-TOKEN header, or with a wrong one, is refused with 403")
  void csrfIsEnforced() {
    SignupClient browser = new SignupClient(fixture.gatehouse.vertx, fixture.gatehouse.port);
    String phone = SignupFixture.newPhone();
    SignupClient.Reply noToken = browser.post("/v1/signup/registration/generate-challenge",
      challenge(phone, "REGISTRATION", false));
    assertThat(noToken.status()).isEqualTo(403);
    assertThat(noToken.errorCode()).isEqualTo("invalid_csrf_token");

    browser.withCsrf();
    browser.csrfHeader = browser.csrfHeader + "x";
    assertThat(browser.post("/v1/signup/registration/generate-challenge", challenge(phone, "REGISTRATION", false))
      .status()).isEqualTo(403);
    assertThat(browser.cookies).doesNotContainKey("TRANSACTION_ID");
  }

  @Test
  @DisplayName("settings are public and replies use the {responseTime, response, errors} envelope")
  void settings() {
    SignupClient.Reply settings = new SignupClient(fixture.gatehouse.vertx, fixture.gatehouse.port)
      .get("/v1/signup/settings", null);
    assertThat(settings.status()).isEqualTo(200);
    assertThat(settings.body().getString("responseTime")).isNotBlank();
    assertThat(settings.body().getJsonArray("errors")).isEmpty();
    assertThat(settings.response().getJsonObject("configs").getInteger("otp.length")).isEqualTo(6);
  }

  @Test
  @DisplayName("registration: a registered account logs in with /login; registering it again is refused")
  void registeredAccountIsANormalUser() {
    SignupClient browser = fixture.browser();
    String phone = fixture.registerAccount(browser, "a good password");
    assertThat(browser.get("/v1/signup/registration/status", null).response().getString("status"))
      .isEqualTo("COMPLETED");
    assertThat(fixture.gatehouse.http.post("/login", new JsonObject().put("username", phone)
      .put("password", "a good password")).status()).isEqualTo(200);

    SignupClient again = fixture.browser();
    again.post("/v1/signup/registration/generate-challenge", challenge(phone, "REGISTRATION", false));
    assertThat(again.post("/v1/signup/registration/verify-challenge", answer(phone, fixture.otpFor(phone)))
      .errorCode()).isEqualTo("identifier_already_registered");
  }

  @Test
  @DisplayName("business errors come back as HTTP 200 with errors: invalid_purpose, invalid_identifier, identifier_mismatch")
  void businessErrors() {
    SignupClient browser = fixture.browser();
    String phone = SignupFixture.newPhone();
    SignupClient.Reply purpose = browser.post("/v1/signup/registration/generate-challenge",
      challenge(phone, "SHOPPING", false));
    assertThat(purpose.status()).isEqualTo(200);
    assertThat(purpose.errorCode()).isEqualTo("invalid_purpose");
    assertThat(purpose.body().getValue("response")).isNull();
    assertThat(browser.post("/v1/signup/registration/generate-challenge", challenge("not a phone", "REGISTRATION",
      false)).errorCode()).isEqualTo("invalid_identifier");
    browser.post("/v1/signup/registration/generate-challenge", challenge(phone, "REGISTRATION", false));
    assertThat(browser.post("/v1/signup/registration/verify-challenge", answer(SignupFixture.newPhone(),
      fixture.otpFor(phone))).errorCode()).isEqualTo("identifier_mismatch");
    assertThat(browser.post("/v1/signup/registration/generate-challenge", new JsonObject().put("purpose", 5))
      .errorCode()).isEqualTo("invalid_request");
  }

  @Test
  @DisplayName("three wrong OTPs are invalid_challenge, the fourth attempt too_many_verify_attempts, even with the right OTP")
  void verifyAttemptsAreLimited() {
    SignupClient browser = fixture.browser();
    String phone = SignupFixture.newPhone();
    browser.post("/v1/signup/registration/generate-challenge", challenge(phone, "REGISTRATION", false));
    String otp = fixture.otpFor(phone);
    String wrong = otp.equals("000000") ? "111111" : "000000";
    for (int i = 0; i < 3; i++) {
      assertThat(browser.post("/v1/signup/registration/verify-challenge", answer(phone, wrong)).errorCode())
        .isEqualTo("invalid_challenge");
    }
    assertThat(browser.post("/v1/signup/registration/verify-challenge", answer(phone, otp)).errorCode())
      .isEqualTo("too_many_verify_attempts");
  }

  @Test
  @DisplayName("regenerating too early is too_early_attempt; too many regenerations block the identifier")
  void regenerationRules() throws InterruptedException {
    SignupClient browser = fixture.browser();
    String phone = SignupFixture.newPhone();
    browser.post("/v1/signup/registration/generate-challenge", challenge(phone, "REGISTRATION", false));
    assertThat(browser.post("/v1/signup/registration/generate-challenge", challenge(phone, "REGISTRATION", true))
      .errorCode()).isEqualTo("too_early_attempt");
    String blockedWith = null;
    for (int i = 0; i < 4 && blockedWith == null; i++) {
      Thread.sleep(1_100);
      blockedWith = browser.post("/v1/signup/registration/generate-challenge", challenge(phone, "REGISTRATION", true))
        .errorCode();
    }
    assertThat(blockedWith).isEqualTo("identifier_blocked");
    assertThat(fixture.browser().post("/v1/signup/registration/generate-challenge",
      challenge(phone, "REGISTRATION", false)).errorCode()).isEqualTo("identifier_blocked");
  }

  @Test
  @DisplayName("reset-password: after a RESET_PASSWORD challenge the new password logs in and the old one does not")
  void resetPassword() {
    String phone = fixture.registerAccount(fixture.browser(), "the old password");
    SignupClient browser = fixture.browser();
    browser.post("/v1/signup/registration/generate-challenge", challenge(phone, "RESET_PASSWORD", false));
    assertThat(browser.post("/v1/signup/registration/verify-challenge", answer(phone, fixture.otpFor(phone)))
      .errorCode()).isNull();
    SignupClient.Reply reset = browser.post("/v1/signup/reset-password", new JsonObject().put("identifier", phone)
      .put("password", "the new password"));
    assertThat(reset.response().getString("status")).as(reset.body().encode()).isEqualTo("PENDING");
    assertThat(browser.get("/v1/signup/registration/status", null).response().getString("status"))
      .isEqualTo("COMPLETED");
    assertThat(fixture.gatehouse.http.post("/login", new JsonObject().put("username", phone)
      .put("password", "the new password")).status()).isEqualTo(200);
    assertThat(fixture.gatehouse.http.post("/login", new JsonObject().put("username", phone)
      .put("password", "the old password")).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("identity verification: a used authorization code, a missing consent and a full house are refused")
  void identityVerificationRefusals() {
    SignupClient browser = fixture.browser();
    String username = fixture.registerAccount(browser, "a good password");
    String code = fixture.authorizationCode(username, "a good password");
    JsonObject initiate = new JsonObject().put("authorizationCode", code).put("state", "s");
    assertThat(browser.post("/v1/signup/identity-verification/initiate", initiate).response()
      .getJsonArray("identityVerifiers")).hasSize(2);
    assertThat(fixture.browser().post("/v1/signup/identity-verification/initiate", initiate).errorCode())
      .isEqualTo("invalid_code");
    assertThat(browser.post("/v1/signup/identity-verification/slot", new JsonObject()
      .put("verifierId", "mock-identity-verifier").put("consent", "DISAGREE")).errorCode()).isEqualTo("consent_required");
    assertThat(browser.get("/v1/signup/identity-verification/identity-verifier/face-liveness-verifier", null)
      .response().getJsonArray("steps")).isNotEmpty();

    // maxConcurrentSlots is 2 here: two open slots, the third is refused
    fixture.allotSlot(fixture.browser(), "mock-identity-verifier");
    fixture.allotSlot(fixture.browser(), "mock-identity-verifier");
    assertThat(browser.post("/v1/signup/identity-verification/slot", new JsonObject()
      .put("verifierId", "mock-identity-verifier").put("consent", "AGREE")).errorCode()).isEqualTo("slot_not_available");
  }
}
