package io.gatehouse.gateway;

import io.gatehouse.persistence.DatabaseOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("tokens are honoured only for users that exist")
class DeletedUserTest {

  private static GatewayFixture fixture;

  @BeforeAll
  static void start() {
    fixture = GatewayFixture.start(new JsonObject().put("userCheckSeconds", 1));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static String tokenFor(String userId) throws Exception {
    byte[] key = Files.readAllBytes(Path.of(fixture.config.getJsonObject("node").getString("dataDir"), "keys",
      "jwt-hs256.key"));
    long now = Instant.now().getEpochSecond();
    return Jwts.hs256(new JsonObject().put("sub", userId).put("name", "ghost").put("kind", "USER").put("iat", now)
      .put("exp", now + 3600), key);
  }

  private static void deleteUser(String userId) throws Exception {
    DatabaseOptions db = DatabaseOptions.from(fixture.config);
    try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
         PreparedStatement delete = connection.prepareStatement("DELETE FROM auth.users WHERE id = ?::uuid")) {
      delete.setString(1, userId);
      assertThat(delete.executeUpdate()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a correctly signed token of a user that does not exist is refused on REST and on connect")
  void tokenOfUnknownUserIsRefused() throws Exception {
    String ghost = tokenFor(UUID.randomUUID().toString());

    assertThat(fixture.http.get("/users/show", ghost).status()).isEqualTo(401);

    ActionClient byPath = ActionClient.connect(fixture.vertx, fixture.port, "/ws/" + ghost);
    assertThat(byPath.expect(json -> "auth".equals(json.getString("action"))).getBoolean("success")).isFalse();
    assertThat(byPath.awaitClose(Duration.ofSeconds(10))).isEqualTo((short) 4401);

    ActionClient byMessage = ActionClient.connect(fixture.vertx, fixture.port, "/ws");
    JsonObject refused = byMessage.call(new JsonObject().put("action", "auth").put("token", ghost));
    assertThat(refused.getBoolean("success")).isFalse();
    assertThat(byMessage.awaitClose(Duration.ofSeconds(10))).isEqualTo((short) 4401);
  }

  @Test
  @DisplayName("deleting a user ends its open connections and its token stops working")
  void deletedUsersSessionsEnd() throws Exception {
    JsonObject user = fixture.user("doomed");
    String token = user.getString("access_token");
    ActionClient client = fixture.connect(user);
    assertThat(client.call(new JsonObject().put("action", "create").put("topic_name", "doomed-" + UUID.randomUUID())
      .put("is_private", false)).getBoolean("success")).isTrue();
    assertThat(fixture.http.get("/users/show", token).status()).isEqualTo(200);

    deleteUser(user.getString("user_id"));

    JsonObject notice = client.expect(json -> "auth".equals(json.getString("action")), Duration.ofSeconds(30));
    assertThat(notice.getBoolean("success")).isFalse();
    assertThat(notice.getString("comment")).isEqualTo("User no longer exists");
    assertThat(client.awaitClose(Duration.ofSeconds(10))).isEqualTo((short) 4401);
    assertThat(fixture.http.get("/users/show", token).status()).isEqualTo(401);
    ActionClient again = ActionClient.connect(fixture.vertx, fixture.port, "/ws/" + token);
    assertThat(again.expect(json -> "auth".equals(json.getString("action"))).getBoolean("success")).isFalse();
    assertThat(again.awaitClose(Duration.ofSeconds(10))).isEqualTo((short) 4401);
  }

  @Test
  @DisplayName("deleting a user closes its open /eventbus bridge socket (@vertx/eventbus-bridge-client.js)")
  void deletedUsersBridgeSocketCloses() throws Exception {
    Path clients = NodeClients.installed();
    JsonObject user = fixture.user("bridged");
    String token = user.getString("access_token");
    String topic = "bridged-" + UUID.randomUUID();
    try (ActionClient watcher = fixture.connect(user)) {
      watcher.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false));
      // registers, publishes once, then stays open far longer than the user check period
      CompletableFuture<NodeClients.Run> bridge = CompletableFuture.supplyAsync(() -> NodeClients.run(clients, 60,
        "node", "eventbus-topic.mjs", "http://127.0.0.1:" + fixture.port + "/eventbus", token, topic, "0", token,
        "still here", "60000"));
      watcher.expect(json -> "still here".equals(json.getString("content")), Duration.ofSeconds(30));

      deleteUser(user.getString("user_id"));

      NodeClients.Run run = bridge.get(60, TimeUnit.SECONDS);
      assertThat(run.stdout()).contains("{\"closed\":true}").doesNotContain("timeout");
      assertThat(run.status()).as(run.stdout() + run.stderr()).isEqualTo(3);
    }
  }
}
