package io.gatehouse.stomp;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static io.gatehouse.stomp.SignupFixture.answer;
import static io.gatehouse.stomp.SignupFixture.challenge;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("an OTP is refused with challenge_expired once its lifetime (signup.otpTtlSeconds) has passed")
class OtpExpiryTest {

  private static SignupFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new SignupFixture(new JsonObject().put("signup", new JsonObject().put("otpTtlSeconds", 1)));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("the right OTP after expiry is challenge_expired")
  void expiredOtp() throws InterruptedException {
    SignupClient browser = fixture.browser();
    String phone = SignupFixture.newPhone();
    browser.post("/v1/signup/registration/generate-challenge", challenge(phone, "REGISTRATION", false));
    String otp = fixture.otpFor(phone);
    Thread.sleep(1_500);
    assertThat(browser.post("/v1/signup/registration/verify-challenge", answer(phone, otp)).errorCode())
      .isEqualTo("challenge_expired");
  }
}
