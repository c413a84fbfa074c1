package io.gatehouse.gateway;

import io.gatehouse.auth.UserAuthVerticle;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("seed 003's user REST API on the gateway, against the real user-auth and PostgreSQL")
class UserRestApiTest {

  private static Vertx vertx;
  private static HttpProbe http;
  private static Path dataDir;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    dataDir = Files.createTempDirectory("gateway-test");
    JsonObject config = new JsonObject()
      .put("node", new JsonObject().put("dataDir", dataDir.toString()))
      .put("database", TestDatabase.fresh("gateway").toJson())
      .put("auth", new JsonObject().put("argon2", new JsonObject().put("memoryKib", 1024).put("iterations", 1)))
      .put("gateway", new JsonObject().put("host", "127.0.0.1").put("port", 0).put("maxBodyBytes", 65536));
    GatewayVerticle gateway = new GatewayVerticle();
    await(vertx.deployVerticle(new UserAuthVerticle(), new DeploymentOptions().setConfig(config))
      .compose(id -> vertx.deployVerticle(gateway, new DeploymentOptions().setConfig(config))));
    http = new HttpProbe(vertx, gateway.actualPort());
  }

  @AfterAll
  static void stop() throws Exception {
    await(vertx.close());
  }

  static <T> T await(io.vertx.core.Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static String unique(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  private static JsonObject registration(String username) {
    return new JsonObject().put("username", username).put("password", "correct horse 1").put("email", username + "@example.org");
  }

  private static JsonObject register(String username) {
    HttpProbe.Reply reply = http.post("/register", registration(username));
    assertThat(reply.status()).as(reply.raw().toString()).isEqualTo(201);
    return reply.json();
  }

  @Test
  @DisplayName("register answers 201 with a token and a UUIDv4, login answers the same user, users show finds them")
  void registerLoginShow() {
    String name = unique("omar");
    JsonObject registered = register(name);
    assertThat(registered.fieldNames()).containsExactlyInAnyOrder("access_token", "username", "user_id");
    assertThat(registered.getString("username")).isEqualTo(name);
    assertThat(UUID.fromString(registered.getString("user_id")).version()).isEqualTo(4);

    HttpProbe.Reply login = http.post("/login", new JsonObject().put("username", name).put("password", "correct horse 1"));
    assertThat(login.status()).isEqualTo(200);
    assertThat(login.json().getString("user_id")).isEqualTo(registered.getString("user_id"));
    String token = login.json().getString("access_token");

    HttpProbe.Reply exact = http.get("/users/show?username=" + name, token);
    assertThat(exact.status()).isEqualTo(200);
    assertThat(exact.json()).isEqualTo(new JsonObject().put("username", name).put("user_id", registered.getString("user_id")));

    assertThat(http.get("/users/username/" + name, token).json().getString("user_id")).isEqualTo(registered.getString("user_id"));
    assertThat(http.get("/users/user_id/" + registered.getString("user_id"), token).json().getString("username")).isEqualTo(name);

    JsonArray all = http.get("/users/show?limit=500", token).json().getJsonArray("users");
    assertThat(all.stream().map(o -> ((JsonObject) o).getString("username"))).contains(name);
  }

  @Test
  @DisplayName("users show pages with limit and after, in username order, without repeats")
  void usersShowPages() {
    String prefix = unique("page");
    for (int i = 0; i < 5; i++) {
      register(prefix + i);
    }
    String token = register(prefix + "z").getString("access_token");
    JsonObject first = http.get("/users/show?limit=2", token).json();
    assertThat(first.getJsonArray("users")).hasSize(2);
    JsonObject second = http.get("/users/show?limit=2&after=" + URLEncoder.encode(first.getString("next"),
      StandardCharsets.UTF_8), token).json();
    assertThat(second.getJsonArray("users")).hasSize(2);
    String lastOfFirst = first.getJsonArray("users").getJsonObject(1).getString("username");
    String firstOfSecond = second.getJsonArray("users").getJsonObject(0).getString("username");
    assertThat(firstOfSecond).isGreaterThan(lastOfFirst);
    assertThat(http.get("/users/show?limit=0", token).status()).isEqualTo(400);
    assertThat(http.get("/users/show?limit=abc", token).status()).isEqualTo(400);
    assertThat(http.get("/users/show?limit=100000", token).status()).isEqualTo(400);
  }

  @Test
  @DisplayName("a taken username or email (in any case) is refused with the seed's 400 body")
  void duplicatesAreRefused() {
    String name = unique("diego");
    register(name);
    HttpProbe.Reply sameName = http.post("/register", registration(name).put("email", unique("other") + "@example.org"));
    assertThat(sameName.status()).isEqualTo(400);
    assertThat(sameName.json().getString("error")).isEqualTo("Username or email already exists");
    HttpProbe.Reply sameEmail = http.post("/register", registration(unique("x")).put("email", (name + "@EXAMPLE.org").toUpperCase()));
    assertThat(sameEmail.status()).isEqualTo(400);
    assertThat(sameEmail.json().getString("error")).isEqualTo("Username or email already exists");
  }

  @Test
  @DisplayName("a wrong password and an unknown user both get the seed's 401 body")
  void wrongCredentialsAreRefused() {
    String name = unique("satoshi");
    register(name);
    HttpProbe.Reply wrong = http.post("/login", new JsonObject().put("username", name).put("password", "not it at all"));
    assertThat(wrong.status()).isEqualTo(401);
    assertThat(wrong.json().getString("error")).isEqualTo("Invalid username or password");
    HttpProbe.Reply unknown = http.post("/login", new JsonObject().put("username", unique("nobody")).put("password", "whatever1"));
    assertThat(unknown.status()).isEqualTo(401);
    assertThat(unknown.json().getString("error")).isEqualTo("Invalid username or password");
  }

  @Test
  @DisplayName("an unknown user is a 404 with the seed's message, on every lookup form")
  void unknownUserIsNotFound() {
    String token = register(unique("memoor")).getString("access_token");
    HttpProbe.Reply byQuery = http.get("/users/show?username=" + unique("ghost"), token);
    assertThat(byQuery.status()).isEqualTo(404);
    assertThat(byQuery.json().getString("message")).isEqualTo("User not found");
    assertThat(http.get("/users/username/" + unique("ghost"), token).status()).isEqualTo(404);
    assertThat(http.get("/users/user_id/" + UUID.randomUUID(), token).status()).isEqualTo(404);
    assertThat(http.get("/users/user_id/not-a-uuid", token).status()).isEqualTo(404);
  }

  @Test
  @DisplayName("missing, extra and mistyped fields are refused with a 400 that names the field")
  void malformedFieldsAreRefused() {
    HttpProbe.Reply missing = http.post("/register", new JsonObject().put("username", unique("a")).put("password", "long enough 1"));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().getString("error")).contains("email");
    assertThat(missing.json().getString("code")).isEqualTo("invalid_request");

    HttpProbe.Reply extra = http.post("/register", registration(unique("b")).put("admin", true));
    assertThat(extra.status()).isEqualTo(400);
    assertThat(extra.json().getString("error")).contains("admin");

    HttpProbe.Reply mistyped = http.post("/register", registration(unique("c")).put("username", 42));
    assertThat(mistyped.status()).isEqualTo(400);
    assertThat(mistyped.json().getString("error")).contains("username");

    HttpProbe.Reply shortPassword = http.post("/register", registration(unique("d")).put("password", "short"));
    assertThat(shortPassword.status()).isEqualTo(400);
    assertThat(shortPassword.json().getString("error")).contains("password");

    HttpProbe.Reply badEmail = http.post("/register", registration(unique("e")).put("email", "no-at-sign"));
    assertThat(badEmail.status()).isEqualTo(400);

    HttpProbe.Reply loginNull = http.post("/login", new JsonObject().put("username", (String) null).put("password", "x"));
    assertThat(loginNull.status()).isEqualTo(400);
  }

  @Test
  @DisplayName("non-JSON, a JSON array, an empty body and a 2 MB body are refused cleanly")
  void badBodiesAreRefused() {
    HttpProbe.Reply notJson = http.post("/register", "{this is not json");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.json().getString("code")).isEqualTo("invalid_request");
    assertThat(http.post("/register", "[1,2,3]").status()).isEqualTo(400);
    assertThat(http.post("/login", "").status()).isEqualTo(400);

    byte[] huge = new byte[2 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) 'a');
    HttpProbe.Reply tooLarge = http.post("/register", Buffer.buffer("{\"username\":\"").appendBytes(huge).appendString("\"}"));
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(tooLarge.json().getString("code")).isEqualTo("too_large");
    assertThat(HealthReport.of(http.get("/health", null).json()).status("node/user-auth")).isEqualTo("UP");
  }

  @Test
  @DisplayName("usernames with SQL metacharacters and Unicode are stored and found exactly")
  void hostileAndUnicodeUsernamesRoundTrip() {
    for (String name : new String[] {"robert'); DROP TABLE auth.users;--" + unique(""), "Zoë_日本語_" + unique(""),
      "a\"b\\c%_" + unique(""), "🙂" + unique("")}) {
      JsonObject registered = http.post("/register", new JsonObject().put("username", name).put("password", "correct horse 1")
        .put("email", unique("u") + "@example.org")).json();
      assertThat(registered.getString("username")).isEqualTo(name);
      String token = registered.getString("access_token");
      HttpProbe.Reply found = http.get("/users/show?username=" + URLEncoder.encode(name, StandardCharsets.UTF_8), token);
      assertThat(found.status()).isEqualTo(200);
      assertThat(found.json().getString("username")).isEqualTo(name);
      assertThat(http.post("/login", new JsonObject().put("username", name).put("password", "correct horse 1")).status())
        .isEqualTo(200);
    }
  }

  @Test
  @DisplayName("bearer tokens: missing, garbage, tampered, foreign-key, alg none and expired are all 401")
  void badTokensAreRefused() {
    JsonObject user = register(unique("tok"));
    String token = user.getString("access_token");
    assertThat(http.get("/users/show", token).status()).isEqualTo(200);

    HttpProbe.Reply none = http.get("/users/show", null);
    assertThat(none.status()).isEqualTo(401);
    assertThat(none.json().getString("code")).isEqualTo("missing_token");

    assertThat(http.get("/users/show", "garbage").json().getString("code")).isEqualTo("malformed");

    JsonObject claims = Jwts.payload(token);
    String tampered = Jwts.withPayload(token, claims.copy().put("username", "admin"));
    HttpProbe.Reply tamperedReply = http.get("/users/show", tampered);
    assertThat(tamperedReply.status()).isEqualTo(401);
    assertThat(tamperedReply.json().getString("code")).isEqualTo("invalid_signature");

    byte[] otherKey = new byte[32];
    new SecureRandom().nextBytes(otherKey);
    HttpProbe.Reply foreign = http.get("/users/show", Jwts.hs256(claims, otherKey));
    assertThat(foreign.status()).isEqualTo(401);
    assertThat(foreign.json().getString("code")).isEqualTo("invalid_signature");

    HttpProbe.Reply algNone = http.get("/users/show", Jwts.unsigned(claims));
    assertThat(algNone.status()).isEqualTo(401);

    JsonObject expiredClaims = claims.copy().put("exp", Instant.now().minusSeconds(3600).getEpochSecond())
      .put("iat", Instant.now().minusSeconds(7200).getEpochSecond());
    HttpProbe.Reply expired = http.get("/users/show", Jwts.hs256(expiredClaims, signingKey()));
    assertThat(expired.status()).isEqualTo(401);
    assertThat(expired.json().getString("code")).isEqualTo("expired");
  }

  @Test
  @DisplayName("a logged-in user gets a single-use authorization code")
  void authorizationCode() {
    String token = register(unique("code")).getString("access_token");
    HttpProbe.Reply code = http.send(io.vertx.core.http.HttpMethod.POST, "/oauth/authorize", token, null);
    assertThat(code.status()).isEqualTo(200);
    assertThat(code.json().getString("code")).hasSizeGreaterThan(20);
    assertThat(http.send(io.vertx.core.http.HttpMethod.POST, "/oauth/authorize", (String) null, null).status()).isEqualTo(401);
  }

  @Test
  @DisplayName("unknown endpoints are a JSON 404 and health reports each service, user-auth up")
  void unknownEndpointAndHealth() {
    HttpProbe.Reply unknown = http.get("/nope", null);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.json().getString("code")).isEqualTo("not_found");
    HttpProbe.Reply health = http.get("/health", null);
    assertThat(HealthReport.of(health.json()).status("node/user-auth")).isEqualTo("UP");
  }

  private static byte[] signingKey() {
    try {
      return Files.readAllBytes(dataDir.resolve("keys").resolve("jwt-hs256.key"));
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
