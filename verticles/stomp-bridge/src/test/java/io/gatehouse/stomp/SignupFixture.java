package io.gatehouse.stomp;

import io.gatehouse.ekyc.EkycVerificationVerticle;
import io.gatehouse.gateway.GatewayFixture;
import io.gatehouse.gateway.HttpProbe;
import io.gatehouse.persistence.DatabaseOptions;
import io.vertx.core.Deployable;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The single-node product with eKYC and the STOMP bridge, plus the steps of seed 000's REST flows. */
final class SignupFixture implements AutoCloseable {

  final GatewayFixture gatehouse;
  final StompBridgeVerticle stomp = new StompBridgeVerticle();

  SignupFixture(JsonObject sections, Deployable... more) {
    JsonObject config = new JsonObject()
      .put("stomp", new JsonObject().put("host", "127.0.0.1").put("webSocketPort", 0).put("tcpPort", 0)
        .put("connectTimeoutMs", 1500))
      .mergeIn(sections, true);
    List<Deployable> verticles = new ArrayList<>(List.of(more));
    verticles.add(new EkycVerificationVerticle());
    verticles.add(stomp);
    gatehouse = GatewayFixture.startWith(config, verticles.toArray(Deployable[]::new));
  }

  SignupClient browser() {
    return new SignupClient(gatehouse.vertx, gatehouse.port).withCsrf();
  }

  static String newPhone() {
    return "+855" + (100_000_000 + ThreadLocalRandom.current().nextInt(800_000_000));
  }

  /** The last OTP queued in the notification outbox for {@code identifier}. */
  String otpFor(String identifier) {
    DatabaseOptions db = DatabaseOptions.from(gatehouse.config);
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         PreparedStatement query = connection.prepareStatement("SELECT payload->>'otp' FROM auth.notification_outbox "
           + "WHERE recipient = ? ORDER BY id DESC LIMIT 1")) {
      query.setString(1, identifier);
      try (ResultSet rows = query.executeQuery()) {
        assertThat(rows.next()).as("an OTP was queued for " + identifier).isTrue();
        return rows.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  boolean userVerified(String username) {
    DatabaseOptions db = DatabaseOptions.from(gatehouse.config);
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         PreparedStatement query = connection.prepareStatement("SELECT verified FROM auth.users WHERE username = ?")) {
      query.setString(1, username);
      try (ResultSet rows = query.executeQuery()) {
        return rows.next() && rows.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonObject challenge(String identifier, String purpose, boolean regenerate) {
    return new JsonObject().put("identifier", identifier).put("captchaToken", "captcha").put("locale", "eng")
      .put("regenerateChallenge", regenerate).put("purpose", purpose);
  }

  static JsonObject answer(String identifier, String otp) {
    return new JsonObject().put("identifier", identifier).put("challengeInfo", new JsonArray().add(new JsonObject()
      .put("challenge", otp).put("format", "alpha-numeric").put("type", "OTP")));
  }

  /** Registration as the seed's collection runs it; returns the account's username (the identifier). */
  String registerAccount(SignupClient browser, String password) {
    String phone = newPhone();
    assertThat(browser.post("/v1/signup/registration/generate-challenge", challenge(phone, "REGISTRATION", false))
      .response().getString("status")).isEqualTo("SUCCESS");
    assertThat(browser.post("/v1/signup/registration/verify-challenge", answer(phone, otpFor(phone)))
      .response().getString("status")).isEqualTo("SUCCESS");
    SignupClient.Reply registered = browser.post("/v1/signup/registration/register", new JsonObject()
      .put("username", phone).put("password", password).put("consent", "AGREE").put("locale", "eng")
      .put("userInfo", new JsonObject().put("fullName", new JsonArray().add(new JsonObject().put("language", "eng")
        .put("value", "Test Person"))).put("phone", phone).put("preferredLang", "eng")));
    assertThat(registered.response().getString("status")).as(registered.body().encode()).isEqualTo("PENDING");
    browser.account = phone;
    return phone;
  }

  /** Logs in with /login and asks /oauth/authorize for a code, as a relying party would. */
  String authorizationCode(String username, String password) {
    HttpProbe.Reply login = gatehouse.http.post("/login", new JsonObject().put("username", username)
      .put("password", password));
    assertThat(login.status()).as(login.raw().toString()).isEqualTo(200);
    HttpProbe.Reply code = gatehouse.http.send(io.vertx.core.http.HttpMethod.POST, "/oauth/authorize",
      login.json().getString("access_token"), new JsonObject());
    assertThat(code.status()).isEqualTo(200);
    return code.json().getString("code");
  }

  /** A fresh account, initiated and allotted a slot of {@code verifierId}; the browser holds the slot cookie. */
  String allotSlot(SignupClient browser, String verifierId) {
    String username = registerAccount(browser, "a good password");
    SignupClient.Reply initiated = browser.post("/v1/signup/identity-verification/initiate", new JsonObject()
      .put("authorizationCode", authorizationCode(username, "a good password")).put("state", "xyz"));
    assertThat(initiated.errorCode()).as(initiated.body().encode()).isNull();
    SignupClient.Reply slot = browser.post("/v1/signup/identity-verification/slot", new JsonObject()
      .put("verifierId", verifierId).put("consent", "AGREE"));
    assertThat(slot.errorCode()).as(slot.body().encode()).isNull();
    return slot.response().getString("slotId");
  }

  /** Polls the verification status until it is {@code wanted} (closing a socket is recorded asynchronously). */
  String awaitStatus(SignupClient browser, String wanted) {
    String status = null;
    for (int i = 0; i < 100 && !wanted.equals(status); i++) {
      status = browser.get("/v1/signup/identity-verification/status", null).response().getString("status");
      if (!wanted.equals(status)) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
    }
    return status;
  }

  @Override
  public void close() {
    gatehouse.close();
  }
}
