package io.gatehouse.stomp;

import io.gatehouse.persistence.DatabaseOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import static io.gatehouse.stomp.SignupFixture.answer;
import static io.gatehouse.stomp.SignupFixture.challenge;
import static org.assertj.core.api.Assertions.assertThat;

/** OTP limits that hold across transactions (per identifier) and across identifiers (per client address). */
@DisplayName("signup limits per identifier across transactions and per client address")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignupAbuseTest {

  private static final String GENERATE = "/v1/signup/registration/generate-challenge";
  private static final String VERIFY = "/v1/signup/registration/verify-challenge";
  private static SignupFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new SignupFixture(new JsonObject().put("signup", new JsonObject().put("challengesPerAddress", 25)
      // address windows are fixed: one far longer than the class, so that its count never starts over
      .put("addressWindowSeconds", 10_000_000)));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private int otpsQueuedFor(String identifier) {
    DatabaseOptions db = DatabaseOptions.from(fixture.gatehouse.config);
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         PreparedStatement query = connection.prepareStatement(
           "SELECT count(*) FROM auth.notification_outbox WHERE recipient = ?")) {
      query.setString(1, identifier);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  @Order(1)
  @DisplayName("twelve fresh sessions for one identifier no longer each get an OTP and three guesses")
  void freshSessionsDoNotResetTheGuesses() {
    String phone = SignupFixture.newPhone();
    List<String> openings = new ArrayList<>();
    int wrongGuessesAnswered = 0;
    for (int session = 0; session < 12; session++) {
      SignupClient browser = fixture.browser();
      String opened = browser.post(GENERATE, challenge(phone, "REGISTRATION", false)).errorCode();
      openings.add(String.valueOf(opened));
      if (opened != null) {
        continue;
      }
      String otp = fixture.otpFor(phone);
      String wrong = otp.equals("000000") ? "111111" : "000000";
      for (int guess = 0; guess < 3; guess++) {
        if ("invalid_challenge".equals(browser.post(VERIFY, answer(phone, wrong)).errorCode())) {
          wrongGuessesAnswered++;
        }
      }
    }
    // signup.maxFailedVerifiesPerIdentifier (6): two sessions' worth of guesses, then the identifier is blocked
    assertThat(wrongGuessesAnswered).isEqualTo(6);
    assertThat(openings.subList(0, 2)).containsOnly("null");
    assertThat(openings.subList(2, 12)).containsOnly("identifier_blocked");
    assertThat(otpsQueuedFor(phone)).isEqualTo(2);
  }

  @Test
  @Order(2)
  @DisplayName("OTPs sent to one identifier are capped across transactions, then the identifier is blocked")
  void sendsPerIdentifierAreCapped() {
    String phone = SignupFixture.newPhone();
    List<String> openings = new ArrayList<>();
    for (int session = 0; session < 6; session++) {
      openings.add(String.valueOf(fixture.browser().post(GENERATE, challenge(phone, "REGISTRATION", false))
        .errorCode()));
    }
    // signup.maxSendsPerIdentifier (5)
    assertThat(openings).containsExactly("null", "null", "null", "null", "null", "identifier_blocked");
    assertThat(otpsQueuedFor(phone)).isEqualTo(5);
    // a session opened before the block cannot use its OTP either
    SignupClient late = fixture.browser();
    assertThat(late.post(GENERATE, challenge(phone, "REGISTRATION", false)).errorCode())
      .isEqualTo("identifier_blocked");
  }

  @Test
  @Order(3)
  @DisplayName("generate-challenge is limited per client address across identifiers (429 too_many_requests)")
  void challengesPerAddressAreLimited() {
    SignupClient browser = fixture.browser();
    SignupClient.Reply refused = null;
    for (int i = 0; i < 30 && refused == null; i++) {
      SignupClient.Reply reply = browser.post(GENERATE, challenge(SignupFixture.newPhone(), "REGISTRATION", false));
      if (reply.status() == 429) {
        refused = reply;
      }
    }
    assertThat(refused).as("refused within 30 requests").isNotNull();
    assertThat(refused.errorCode()).isEqualTo("too_many_requests");
    String phone = SignupFixture.newPhone();
    assertThat(browser.post(GENERATE, challenge(phone, "REGISTRATION", false)).status()).isEqualTo(429);
    assertThat(otpsQueuedFor(phone)).isZero();
  }
}
