package io.gatehouse.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("the action protocol of seeds 001 and 004 over a real WebSocket, services and PostgreSQL")
class ActionProtocolTest {

  private static GatewayFixture gatehouse;

  @BeforeAll
  static void start() {
    gatehouse = GatewayFixture.start(new JsonObject().put("authTimeoutMs", 1500).put("maxFrameBytes", 65536)
      .put("messagesPerSecond", 10_000).put("messageBurst", 10_000));
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  private static String name(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
  }

  private static JsonObject action(String action) {
    return new JsonObject().put("action", action);
  }

  @Test
  @DisplayName("seed 001: private topic with invite, public topic with 'suscribe', direct messages, offline member catches up in order exactly once")
  void seed001Scenario() {
    JsonObject omar = gatehouse.user("omar");
    JsonObject diego = gatehouse.user("diego");
    JsonObject satoshi = gatehouse.user("satoshi");
    JsonObject memoor = gatehouse.user("memoor");
    String secret = name("secret");
    String noticias = name("noticias");

    try (ActionClient o = gatehouse.connect(omar); ActionClient d = gatehouse.connect(diego);
         ActionClient s = gatehouse.connect(satoshi)) {
      assertThat(o.call(action("create").put("topic_name", secret).put("is_private", true)))
        .isEqualTo(action("create").put("success", true).put("result", "ok").put("topic_name", secret));
      assertThat(o.call(action("invite").put("topic_name", secret).put("username", diego.getString("username")))
        .getBoolean("success")).isTrue();
      assertThat(s.call(action("create").put("topic_name", noticias).put("is_private", false)).getBoolean("success")).isTrue();
      assertThat(o.call(action("suscribe").put("topic_name", noticias)).getBoolean("success")).isTrue();

      try (ActionClient m = gatehouse.connect(memoor)) {
        assertThat(m.call(action("suscribe").put("topic_name", noticias)).getString("result")).isEqualTo("ok");
      }
      // memoor is offline now; three messages arrive for noticias and one directly for memoor
      for (int i = 1; i <= 3; i++) {
        JsonObject reply = s.call(action("message").put("topic_name", noticias).put("content", "news " + i));
        assertThat(reply.getBoolean("success")).isTrue();
        assertThat(reply.getString("message_id")).isNotBlank();
      }
      assertThat(o.call(action("message").put("topic_name", memoor.getString("username")).put("content", "hi memoor"))
        .getBoolean("success")).isTrue();

      JsonObject privateReply = o.call(action("message").put("topic_name", secret).put("content", "for diego"));
      assertThat(privateReply.getBoolean("success")).isTrue();
      JsonObject atDiego = d.expect(json -> ActionClient.isDelivery(json) && secret.equals(json.getString("topic_name")));
      assertThat(atDiego.getString("content")).isEqualTo("for diego");
      assertThat(atDiego.getString("from")).isEqualTo(omar.getString("username"));
      assertThat(atDiego.getString("message_id")).isEqualTo(privateReply.getString("message_id"));
      assertThat(atDiego.containsKey("pending")).isFalse();
      JsonObject atOmar = o.expect(json -> ActionClient.isDelivery(json) && secret.equals(json.getString("topic_name")));
      assertThat(atOmar.getString("content")).as("the sender receives its own topic message").isEqualTo("for diego");
      assertThat(s.drain(Duration.ofMillis(300))).noneMatch(json -> secret.equals(json.getString("topic_name")));
    }

    try (ActionClient m = gatehouse.connect(memoor)) {
      List<JsonObject> pending = m.deliveries(4, Duration.ofSeconds(10));
      List<JsonObject> news = pending.stream().filter(json -> noticias.equals(json.getString("topic_name"))).toList();
      assertThat(news).extracting(json -> json.getString("content")).containsExactly("news 1", "news 2", "news 3");
      assertThat(pending).allMatch(json -> Boolean.TRUE.equals(json.getBoolean("pending")));
      JsonObject direct = pending.stream().filter(json -> json.containsKey("user_source")).findFirst().orElseThrow();
      assertThat(direct.getString("user_source")).isEqualTo(omar.getString("username"));
      assertThat(direct.getString("content")).isEqualTo("hi memoor");
      assertThat(direct.getString("sent_at")).isNotBlank();
      JsonArray ids = new JsonArray();
      pending.forEach(json -> ids.add(json.getString("message_id")));
      assertThat(m.call(action("ack").put("message_ids", ids))).isEqualTo(action("ack").put("success", true));
    }
    try (ActionClient again = gatehouse.connect(memoor)) {
      assertThat(again.drain(Duration.ofMillis(800))).as("acked messages are not delivered again").isEmpty();
    }
  }

  @Test
  @DisplayName("seed 004: auth comes first, unknown actions and schema failures keep the socket open, failures carry a correlation id")
  void seed004Rules() {
    JsonObject user = gatehouse.user("rules");
    try (ActionClient client = ActionClient.connect(gatehouse.vertx, gatehouse.port, "/ws")) {
      JsonObject early = client.call(action("create").put("topic_name", name("early")).put("is_private", false));
      assertThat(early.getBoolean("success")).isFalse();
      assertThat(early.getString("code")).isEqualTo("unauthorized");
      JsonObject auth = client.call(action("auth").put("token", user.getString("access_token")).put("id", 7));
      assertThat(auth).isEqualTo(action("auth").put("success", true).put("id", 7));

      JsonObject unknown = client.call(action("fly").put("id", "x1"));
      assertThat(unknown.getString("comment")).isEqualTo("Unknown Action");
      assertThat(unknown.getString("id")).isEqualTo("x1");
      JsonObject badSchema = client.call(action("create").put("topic_name", 42));
      assertThat(badSchema.getBoolean("success")).isFalse();
      assertThat(badSchema.getString("code")).isEqualTo("invalid_request");
      assertThat(badSchema.getString("comment")).contains("topic_name");
      JsonObject missing = client.call(action("invite").put("topic_name", "x"));
      assertThat(missing.getString("comment")).contains("username");
      assertThat(client.call(action("ping"))).isEqualTo(action("ping").put("success", true));
      assertThat(client.isClosed()).isFalse();
    }
  }

  @Test
  @DisplayName("a bad, expired or foreign token is refused with the seed's comment and close code 4401")
  void badTokensAreRefused() {
    try (ActionClient client = ActionClient.connect(gatehouse.vertx, gatehouse.port, "/ws")) {
      JsonObject reply = client.call(action("auth").put("token", "not.a.token"));
      assertThat(reply.getBoolean("success")).isFalse();
      assertThat(reply.getString("comment")).isIn("Invalid token", "Invalid signature");
      assertThat(client.awaitClose(Duration.ofSeconds(5))).isEqualTo((short) 4401);
    }
    try (ActionClient client = ActionClient.connect(gatehouse.vertx, gatehouse.port, "/ws/abc.def.ghi")) {
      JsonObject reply = client.expect(json -> "auth".equals(json.getString("action")));
      assertThat(reply.getBoolean("success")).isFalse();
      assertThat(client.awaitClose(Duration.ofSeconds(5))).isEqualTo((short) 4401);
    }
    try (ActionClient silent = ActionClient.connect(gatehouse.vertx, gatehouse.port, "/ws")) {
      assertThat(silent.awaitClose(Duration.ofSeconds(10))).as("no auth within the timeout").isEqualTo((short) 4401);
    }
  }

  @Test
  @DisplayName("requests sent right behind a token, without waiting for the auth answer, are served, not refused")
  void requestsBehindTheTokenWait() {
    JsonObject user = gatehouse.user("eager");
    String inPath = name("eager-path");
    try (ActionClient client = ActionClient.connect(gatehouse.vertx, gatehouse.port, "/ws/" + user.getString("access_token"))) {
      client.send(action("create").put("topic_name", inPath).put("is_private", false).put("id", "p1"));
      JsonObject created = client.expect(json -> "p1".equals(json.getString("id")));
      assertThat(created.getBoolean("success")).as(created.encode()).isTrue();
    }
    String pipelined = name("eager-pipelined");
    try (ActionClient client = ActionClient.connect(gatehouse.vertx, gatehouse.port, "/ws")) {
      client.sendText(action("auth").put("token", user.getString("access_token")).put("id", "a1").encode());
      client.sendText(action("create").put("topic_name", pipelined).put("is_private", false).put("id", "c1").encode());
      assertThat(client.expect(json -> "a1".equals(json.getString("id"))).getBoolean("success")).isTrue();
      JsonObject created = client.expect(json -> "c1".equals(json.getString("id")));
      assertThat(created.getBoolean("success")).as(created.encode()).isTrue();
    }
  }

  @Test
  @DisplayName("seed 001's bare /<jwt> path authenticates too")
  void barePathToken() {
    JsonObject user = gatehouse.user("bare");
    try (ActionClient client = ActionClient.connect(gatehouse.vertx, gatehouse.port, "/" + user.getString("access_token"))) {
      assertThat(client.expect(json -> "auth".equals(json.getString("action"))).getBoolean("success")).isTrue();
      assertThat(client.call(action("ping")).getBoolean("success")).isTrue();
    }
  }

  @Test
  @DisplayName("non-members cannot see, post to, subscribe to or invite into a private topic, nor ack others' messages")
  void privateTopicsAreClosed() {
    JsonObject owner = gatehouse.user("owner");
    JsonObject outsider = gatehouse.user("outsider");
    String topic = name("private");
    try (ActionClient o = gatehouse.connect(owner); ActionClient x = gatehouse.connect(outsider)) {
      o.call(action("create").put("topic_name", topic).put("is_private", true));
      JsonObject sent = o.call(action("message").put("topic_name", topic).put("content", "members only"));
      assertThat(x.call(action("subscribe").put("topic_name", topic)).getString("code")).isEqualTo("not_found");
      assertThat(x.call(action("message").put("topic_name", topic).put("content", "let me in")).getString("code"))
        .isEqualTo("not_found");
      assertThat(x.call(action("invite").put("topic_name", topic).put("username", outsider.getString("username")))
        .getBoolean("success")).isFalse();
      JsonObject foreignAck = x.call(action("ack").put("message_id", sent.getString("message_id")));
      assertThat(foreignAck.getBoolean("success")).isFalse();
      assertThat(foreignAck.getString("code")).isEqualTo("not_found");
      assertThat(x.drain(Duration.ofMillis(300))).noneMatch(json -> topic.equals(json.getString("topic_name")));

      String open = name("public");
      o.call(action("create").put("topic_name", open).put("is_private", false));
      assertThat(x.call(action("message").put("topic_name", open).put("content", "not joined")).getString("code"))
        .isEqualTo("not_member");
      assertThat(o.call(action("create").put("topic_name", open).put("is_private", false)).getString("code"))
        .isEqualTo("already_exists");
      assertThat(o.call(action("subscribe").put("topic_name", open)).getString("code")).isEqualTo("already_member");
      assertThat(x.call(action("message").put("topic_name", name("nowhere")).put("content", "?")).getString("code"))
        .isEqualTo("not_found");
    }
  }

  @Test
  @DisplayName("garbage never kills the socket: non-JSON, arrays, nested JSON, binary frames, 1 000 random frames")
  void garbageIsAnsweredNotFatal() {
    JsonObject user = gatehouse.user("garbage");
    try (ActionClient client = gatehouse.connect(user)) {
      client.sendText("this is not json");
      assertThat(client.expect(json -> json.containsKey("comment")).getString("comment")).isEqualTo("No action received");
      client.sendText("[1,2,3]");
      assertThat(client.expect(json -> json.containsKey("comment")).getString("comment")).isEqualTo("No action received");
      client.sendText("{\"action\": 5}");
      assertThat(client.expect(json -> json.containsKey("comment")).getString("comment")).isEqualTo("No action received");
      client.sendText("[".repeat(5000) + "]".repeat(5000));
      assertThat(client.expect(json -> json.containsKey("comment")).getBoolean("success")).isFalse();
      client.sendBinary(Buffer.buffer(new byte[] {1, 2, 3}));
      assertThat(client.expect(json -> json.containsKey("comment")).getString("comment")).contains("Binary");
      client.sendText(new JsonObject().put("action", "message").put("topic_name", "x").put("content", "y".repeat(60_000)).encode());
      assertThat(client.expect(json -> "message".equals(json.getString("action"))).getBoolean("success")).isFalse();

      Random random = new Random(42);
      for (int i = 0; i < 1000; i++) {
        byte[] bytes = new byte[1 + random.nextInt(200)];
        random.nextBytes(bytes);
        client.sendText(new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1));
      }
      assertThat(client.call(action("ping").put("id", "after")).getString("id")).isEqualTo("after");
    }
    assertThat(gatehouse.http.get("/health", null).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("a frame over the configured size closes the socket with 1009, and the node stays healthy")
  void oversizedFrameCloses() {
    try (ActionClient client = gatehouse.connect(gatehouse.user("huge"))) {
      client.sendText("{\"action\":\"ping\",\"pad\":\"" + "x".repeat(200_000) + "\"}");
      short code = client.awaitClose(Duration.ofSeconds(10));
      assertThat(code).as("1009, or 1006 when the server drops the connection mid-frame").isIn((short) 1009, (short) 1006);
    }
    assertThat(gatehouse.http.get("/health", null).status()).isEqualTo(200);
  }

  @Test
  @DisplayName("a member who joins later receives messages sent after joining, not the history before it")
  void lateJoinerGetsNoHistory() {
    JsonObject a = gatehouse.user("early");
    JsonObject b = gatehouse.user("late");
    String topic = name("history");
    try (ActionClient first = gatehouse.connect(a)) {
      first.call(action("create").put("topic_name", topic).put("is_private", false));
      first.call(action("message").put("topic_name", topic).put("content", "before"));
      try (ActionClient second = gatehouse.connect(b)) {
        second.call(action("subscribe").put("topic_name", topic));
        first.call(action("message").put("topic_name", topic).put("content", "after"));
        JsonObject got = second.expect(ActionClient::isDelivery);
        assertThat(got.getString("content")).isEqualTo("after");
        assertThat(second.drain(Duration.ofMillis(300))).isEmpty();
      }
    }
  }
}
