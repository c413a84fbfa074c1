package io.gatehouse.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("clients someone else wrote: the npm ws package and wscat against the action protocol")
class ThirdPartyClientsTest {

  private static GatewayFixture gatehouse;
  private static Path clients;

  @BeforeAll
  static void start() {
    clients = NodeClients.installed();
    gatehouse = GatewayFixture.start(new JsonObject());
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  @Test
  @DisplayName("the ws package authenticates with a first message, creates a topic, publishes and receives its own delivery")
  void wsPackageSession() throws Exception {
    JsonObject user = gatehouse.user("ws");
    String topic = "ws-topic-" + System.nanoTime();
    JsonArray script = new JsonArray()
      .add(new JsonObject().put("send", new JsonObject().put("action", "auth").put("token", user.getString("access_token"))))
      .add(new JsonObject().put("expect", new JsonObject().put("action", "auth").put("success", true)))
      .add(new JsonObject().put("send", new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false)))
      .add(new JsonObject().put("expect", new JsonObject().put("action", "create").put("success", true).put("topic_name", topic)))
      .add(new JsonObject().put("send", new JsonObject().put("action", "message").put("topic_name", topic).put("content", "from ws")))
      .add(new JsonObject().put("expect", new JsonObject().put("action", "message").put("success", true).put("result", "ok")))
      .add(new JsonObject().put("expect", new JsonObject().put("action", "message").put("topic_name", topic)
        .put("content", "from ws").put("from", user.getString("username"))))
      .add(new JsonObject().put("send", new JsonObject().put("action", "nonsense")))
      .add(new JsonObject().put("expect", new JsonObject().put("success", false).put("comment", "Unknown Action")))
      .add(new JsonObject().put("close", 1000));
    Path file = Files.createTempFile("ws-script", ".json");
    Files.writeString(file, script.encode());
    NodeClients.Run run = NodeClients.run(clients, 60, "node", "ws-session.mjs",
      "ws://127.0.0.1:" + gatehouse.port + "/ws", file.toString());
    assertThat(run.status()).as(run.stderr() + run.stdout()).isZero();
  }

  @Test
  @DisplayName("wscat connects the way seed 001 does, with the token as the whole path, and gets answers")
  void wscatWithPathToken() {
    JsonObject user = gatehouse.user("wscat");
    NodeClients.Run run = NodeClients.run(clients, 60, "node", "node_modules/wscat/bin/wscat",
      "-c", "ws://127.0.0.1:" + gatehouse.port + "/" + user.getString("access_token"),
      "-x", "{\"action\":\"ping\"}", "-w", "2");
    assertThat(run.stdout() + run.stderr()).contains("\"action\":\"auth\"").contains("\"success\":true");
  }
}
