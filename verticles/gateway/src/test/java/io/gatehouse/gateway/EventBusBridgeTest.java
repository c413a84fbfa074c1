package io.gatehouse.gateway;

import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("the SockJS event-bus bridge at /eventbus with @vertx/eventbus-bridge-client.js")
class EventBusBridgeTest {

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

  private NodeClients.Run bridgeClient(String... args) {
    String[] command = new String[3 + args.length];
    command[0] = "node";
    command[1] = "eventbus-topic.mjs";
    command[2] = "http://127.0.0.1:" + gatehouse.port + "/eventbus";
    System.arraycopy(args, 0, command, 3, args.length);
    return NodeClients.run(clients, 60, command);
  }

  private static List<JsonObject> lines(NodeClients.Run run) {
    return run.stdout().lines().filter(line -> line.startsWith("{")).map(JsonObject::new).toList();
  }

  @Test
  @DisplayName("a member consumes topic deliveries: its own bridge publish and an action-protocol message")
  void memberConsumesDeliveries() throws Exception {
    JsonObject alice = gatehouse.user("alice");
    String topic = "bridge-" + System.nanoTime();
    try (ActionClient action = gatehouse.connect(alice)) {
      action.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false));
      String token = alice.getString("access_token");
      CompletableFuture<NodeClients.Run> consumer = CompletableFuture.supplyAsync(() ->
        bridgeClient(token, topic, "2", token, "via the bridge", "0"));
      action.expect(json -> "via the bridge".equals(json.getString("content")), Duration.ofSeconds(20));
      action.call(new JsonObject().put("action", "message").put("topic_name", topic).put("content", "via actions"));

      NodeClients.Run run = consumer.get(60, TimeUnit.SECONDS);
      assertThat(run.status()).as(run.stdout() + run.stderr()).isZero();
      assertThat(lines(run)).filteredOn(line -> line.containsKey("body"))
        .extracting(line -> line.getJsonObject("body").getString("content"))
        .containsExactly("via the bridge", "via actions");
      assertThat(lines(run)).filteredOn(line -> line.containsKey("body")).first()
        .satisfies(line -> assertThat(line.getJsonObject("body").getString("from")).isEqualTo(alice.getString("username")));
    }
  }

  @Test
  @DisplayName("a consumer without a token, or not a member of a private topic, is refused and gets nothing")
  void outsidersGetNothing() {
    JsonObject owner = gatehouse.user("owner");
    JsonObject outsider = gatehouse.user("outsider");
    String topic = "secret-" + System.nanoTime();
    try (ActionClient action = gatehouse.connect(owner)) {
      action.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", true));
    }
    String ownerToken = owner.getString("access_token");
    for (String consumerToken : List.of("-", outsider.getString("access_token"))) {
      NodeClients.Run run = bridgeClient(consumerToken, topic, "0", ownerToken, "not for you", "1000");
      assertThat(run.status()).as(run.stdout() + run.stderr()).isZero();
      assertThat(lines(run)).anySatisfy(line -> assertThat(line.getJsonObject("reply")).isNotNull());
      assertThat(lines(run)).noneSatisfy(line -> assertThat(line.containsKey("body")).isTrue());
      assertThat(run.stdout()).contains("rejected");
    }
  }

  @Test
  @DisplayName("nothing else on the bus is reachable through the bridge")
  void otherAddressesAreDenied() throws Exception {
    WebSocketClient client = gatehouse.vertx.createWebSocketClient();
    WebSocket ws = client.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(gatehouse.port)
      .setURI("/eventbus/websocket")).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    LinkedBlockingQueue<JsonObject> replies = new LinkedBlockingQueue<>();
    ws.handler(data -> replies.add(data.toJsonObject()));
    ws.writeTextMessage(new JsonObject().put("type", "send").put("address", "gatehouse.auth.login")
      .put("replyAddress", "r1").put("body", new JsonObject().put("username", "a").put("password", "b")).encode());
    JsonObject denied = replies.poll(10, TimeUnit.SECONDS);
    assertThat(denied).isNotNull();
    assertThat(denied.getString("body")).isIn("access_denied", "rejected");
    ws.writeTextMessage(new JsonObject().put("type", "register").put("address", "gatehouse.deliver.topic.1").encode());
    denied = replies.poll(10, TimeUnit.SECONDS);
    assertThat(denied).isNotNull();
    assertThat(denied.getString("body")).isIn("access_denied", "rejected");
    ws.close();
  }
}
