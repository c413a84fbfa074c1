package io.gatehouse.stomp;

import io.gatehouse.gateway.NodeClients;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Signup through Python's standard {@code http.cookiejar} (clients/signup_cookiejar.py), which keeps and drops
 * cookies as a browser does: a cookie with {@code Max-Age=-1} or a past {@code Expires} is deleted on arrival.
 */
@DisplayName("signup cookies as a browser's cookie jar keeps them; CSRF tokens bound to the browser")
class BrowserCookiesTest {

  private static final String OTP = "246810";
  private static SignupFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new SignupFixture(new JsonObject().put("signup", new JsonObject().put("devFixedOtp", OTP)));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static JsonObject run(String... args) {
    String[] command = new String[args.length + 3];
    command[0] = PythonStompClient.PYTHON;
    command[1] = "signup_cookiejar.py";
    command[2] = "http://127.0.0.1:" + fixture.gatehouse.port;
    System.arraycopy(args, 0, command, 3, args.length);
    NodeClients.Run run = NodeClients.run(NodeClients.clientsDir(), 120, command);
    assertThat(run.status()).as(run.stderr()).isZero();
    return new JsonObject(run.stdout().strip());
  }

  private static List<String> cookies(JsonObject step) {
    return step.getJsonArray("cookies").stream().map(String.class::cast).toList();
  }

  @Test
  @DisplayName("a full sign-up and the eKYC slot step succeed through a real cookie jar")
  void fullSignupThroughCookieJar() {
    String phone = SignupFixture.newPhone();
    JsonArray steps = run("signup", phone, OTP, "a jar password").getJsonArray("steps");
    Map<String, JsonObject> byName = steps.stream().map(JsonObject.class::cast)
      .collect(Collectors.toMap(step -> step.getString("step"), step -> step));

    assertThat(cookies(byName.get("csrf"))).contains("XSRF-TOKEN", "XSRF-BINDING");
    for (String step : List.of("generate", "verify", "register", "status", "initiate", "slot", "idv-status")) {
      JsonObject reply = byName.get(step);
      assertThat(reply.getInteger("status")).as(step + ": " + reply.encode()).isEqualTo(200);
      assertThat(reply.getJsonObject("reply").getJsonArray("errors")).as(step + ": " + reply.encode()).isEmpty();
    }
    assertThat(cookies(byName.get("generate"))).contains("TRANSACTION_ID");
    assertThat(cookies(byName.get("verify"))).contains("VERIFIED_TRANSACTION_ID")
      .doesNotContain("TRANSACTION_ID");
    assertThat(byName.get("status").getJsonObject("reply").getJsonObject("response").getString("status"))
      .isEqualTo("COMPLETED");
    assertThat(cookies(byName.get("initiate"))).contains("IDV_TRANSACTION_ID");
    // PROTOCOLS §4: the slot step clears IDV_TRANSACTION_ID and sets IDV_SLOT_ALLOTTED
    assertThat(cookies(byName.get("slot"))).contains("IDV_SLOT_ALLOTTED")
      .doesNotContain("IDV_TRANSACTION_ID");
    assertThat(byName.get("idv-status").getJsonObject("reply").getJsonObject("response").getString("status"))
      .isEqualTo("STARTED");
  }

  @Test
  @DisplayName("a made-up XSRF-TOKEN cookie with the same value in X-XSRF-TOKEN is refused with 403")
  void forgedMatchingPairIsRefused() {
    JsonObject forged = run("forged", SignupFixture.newPhone());
    assertThat(forged.getInteger("status")).as(forged.encode()).isEqualTo(403);
    assertThat(forged.getJsonObject("reply").getJsonArray("errors").getJsonObject(0).getString("errorCode"))
      .isEqualTo("invalid_csrf_token");
    assertThat(cookies(forged)).doesNotContain("TRANSACTION_ID");
  }

  @Test
  @DisplayName("a genuine token issued to another browser is refused with 403")
  void tokenOfAnotherBrowserIsRefused() {
    JsonObject transplanted = run("transplanted", SignupFixture.newPhone());
    assertThat(transplanted.getInteger("status")).as(transplanted.encode()).isEqualTo(403);
  }

  @Test
  @DisplayName("the CSRF cookies are session cookies with SameSite; only the token is readable by scripts")
  void csrfCookieAttributes() {
    List<String> setCookies = run("attributes").getJsonArray("set_cookie").stream().map(String.class::cast).toList();
    assertThat(setCookies).hasSize(2);
    assertThat(setCookies).allSatisfy(header -> assertThat(header.toLowerCase())
      .doesNotContain("max-age").doesNotContain("expires").contains("samesite=lax").contains("path=/")
      .doesNotContain("secure"));
    assertThat(setCookies).filteredOn(header -> header.startsWith("XSRF-TOKEN="))
      .singleElement().satisfies(header -> assertThat(header.toLowerCase()).doesNotContain("httponly"));
    assertThat(setCookies).filteredOn(header -> header.startsWith("XSRF-BINDING="))
      .singleElement().satisfies(header -> assertThat(header.toLowerCase()).contains("httponly"));
  }
}
