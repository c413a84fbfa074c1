package io.gatehouse.node;

import io.gatehouse.gateway.ChatScenario;
import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.gatehouse.node.TestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Socket.IO chat on a two-node cluster without sticky sessions")
class ChatClusterTest {

  private final List<Vertx> nodes = new ArrayList<>();
  private Process proxy;

  @AfterEach
  void stop() {
    if (proxy != null) {
      proxy.destroy();
    }
    nodes.forEach(vertx -> await(vertx.close()));
  }

  @Test
  @DisplayName("users on different nodes chat; a polling client whose requests alternate between the nodes works")
  void chatAcrossNodes(@TempDir Path dataDir) throws Exception {
    String cluster = TestNodes.clusterName();
    DatabaseOptions database = TestDatabase.fresh("chatcluster");
    int port1 = TestNodes.freePort();
    int port2 = TestNodes.freePort();
    nodes.add(TestNodes.startNode(TestNodes.config(cluster, List.of("all"), database, dataDir, port1)));
    // one data directory: both nodes sign and verify with the same JWT key, as a deployment must
    nodes.add(TestNodes.startNode(TestNodes.config(cluster, List.of("all"), database, dataDir, port2)));
    JsonObject alice = register(port1, "alice");
    JsonObject bob = register(port2, "bob");
    int proxyPort = startProxy(port1, port2);

    ChatScenario.Outcome outcome = new ChatScenario("http://127.0.0.1:" + port1)
      .step(new JsonObject().put("connect", "a").put("token", alice.getString("access_token"))
        .put("transports", new JsonArray().add("websocket")))
      .step(new JsonObject().put("connect", "b").put("token", bob.getString("access_token"))
        .put("url", "http://127.0.0.1:" + port2))
      .step(new JsonObject().put("connect", "p").put("token", bob.getString("access_token"))
        .put("url", "http://127.0.0.1:" + proxyPort))
      .emit("a", "start_private_chat", new JsonObject().put("receiver_id", bob.getString("user_id")), null, "chat")
      .expect("b", "private_chat_room_created", new JsonObject().put("chat_id", "${chat.chat_id}"))
      .expect("p", "private_chat_room_created", new JsonObject().put("chat_id", "${chat.chat_id}"))
      .emit("a", "send_message", new JsonObject().put("chat_id", "${chat.chat_id}").put("message", "across"), null, "m1")
      .expect("b", "receive_message", new JsonObject().put("message_id", "${m1.message_id}").put("content", "across"))
      .expect("p", "receive_message", new JsonObject().put("message_id", "${m1.message_id}").put("content", "across"))
      .emit("p", "send_message", new JsonObject().put("chat_id", "${chat.chat_id}").put("message", "via both nodes"),
        null, "m2")
      .expect("a", "receive_message", new JsonObject().put("message_id", "${m2.message_id}"))
      .emit("p", "receive_message", new JsonObject().put("message_id", "${m1.message_id}"),
        new JsonObject().put("message", "Message received successfully"), null)
      .step(new JsonObject().put("transport", "p").put("is", "polling"))
      .play();

    assertThat(outcome.passed()).as(outcome.toString()).isTrue();
  }

  private JsonObject register(int port, String name) {
    WebClient client = WebClient.create(nodes.get(0));
    var reply = await(client.post(port, "127.0.0.1", "/register").sendJsonObject(new JsonObject()
      .put("username", name).put("password", "password of " + name).put("email", name + "@example.org")));
    assertThat(reply.statusCode()).as(reply.bodyAsString()).isEqualTo(201);
    return reply.bodyAsJsonObject();
  }

  private int startProxy(int port1, int port2) throws Exception {
    Path clients = ChatScenario.installed();
    proxy = new ProcessBuilder("node", "alternating-proxy.mjs", String.valueOf(port1), String.valueOf(port2))
      .directory(clients.toFile()).redirectErrorStream(true).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(proxy.getInputStream(), StandardCharsets.UTF_8));
    return new JsonObject(out.readLine()).getInteger("port");
  }
}
