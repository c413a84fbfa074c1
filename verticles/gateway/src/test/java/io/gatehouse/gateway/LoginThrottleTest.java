package io.gatehouse.gateway;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("login throttling per account and per client address")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LoginThrottleTest {

  private static GatewayFixture fixture;

  @BeforeAll
  static void start() {
    fixture = GatewayFixture.startWith(new JsonObject()
      // address windows are fixed: one far longer than the class, so that its count never starts over
      .put("gateway", new JsonObject().put("failedLoginsPerAddress", 15).put("loginWindowSeconds", 10_000_000))
      .put("auth", new JsonObject().put("maxFailedLogins", 10)));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static HttpProbe.Reply login(String username, String password) {
    return fixture.http.post("/login", new JsonObject().put("username", username).put("password", password));
  }

  @Test
  @Order(1)
  @DisplayName("after auth.maxFailedLogins wrong passwords even the right one is refused with 429 login_throttled")
  void accountIsThrottled() {
    JsonObject victim = fixture.user("victim");
    String username = victim.getString("username");
    for (int i = 0; i < 10; i++) {
      assertThat(login(username, "wrong password " + i).status()).isEqualTo(401);
    }
    HttpProbe.Reply throttled = login(username, "password of victim");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.json().getString("code")).isEqualTo("login_throttled");
    assertThat(throttled.json().getString("error")).contains("this account");

    JsonObject bystander = fixture.user("bystander");
    assertThat(login(bystander.getString("username"), "password of bystander").status()).isEqualTo(200);
  }

  @Test
  @Order(2)
  @DisplayName("after gateway.failedLoginsPerAddress failures from one address, logins from it get 429")
  void addressIsThrottled() {
    JsonObject user = fixture.user("someone");
    // ten failures were counted by the first test; five more on names that do not exist
    for (int i = 0; i < 5; i++) {
      assertThat(login("nobody-" + UUID.randomUUID(), "some password").status()).isEqualTo(401);
    }
    HttpProbe.Reply throttled = login(user.getString("username"), "password of someone");
    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.json().getString("code")).isEqualTo("login_throttled");
    assertThat(throttled.json().getString("error")).contains("this address");
  }
}
