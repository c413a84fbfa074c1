package io.gatehouse.gateway;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.routing.CursorList;
import io.gatehouse.contract.routing.CursorQuery;
import io.gatehouse.contract.routing.Delivery;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
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
import java.util.concurrent.atomic.AtomicInteger;

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

  @Test
  @DisplayName("a registration first gets what the member missed (pending), then what follows; the cursor follows")
  void registrationCatchesUp() throws Exception {
    JsonObject reader = gatehouse.user("reader");
    String topic = "catchup-" + System.nanoTime();
    String readerToken = reader.getString("access_token");
    try (ActionClient action = ownerWithReader(topic, reader)) {
      action.call(new JsonObject().put("action", "message").put("topic_name", topic).put("content", "missed 1"));
      action.call(new JsonObject().put("action", "message").put("topic_name", topic).put("content", "missed 2"));

      NodeClients.Run run = bridgeClient(readerToken, topic, "3", readerToken, "live", "0");

      assertThat(run.status()).as(run.stdout() + run.stderr()).isZero();
      List<JsonObject> bodies = lines(run).stream().filter(line -> line.containsKey("body"))
        .map(line -> line.getJsonObject("body")).toList();
      assertThat(bodies).extracting(body -> body.getString("content")).containsExactly("missed 1", "missed 2", "live");
      // "live" is published once the registration follows live, but may still be read by the catch-up
      assertThat(bodies.subList(0, 2)).extracting(body -> body.getBoolean("pending", false)).containsOnly(true);
      long liveSeq = bodies.get(2).getLong("seq");
      assertThat(bodies).extracting(body -> body.getLong("seq")).containsExactly(liveSeq - 2, liveSeq - 1, liveSeq);
      awaitCursor(reader.getString("user_id"), liveSeq);

      NodeClients.Run again = bridgeClient(readerToken, topic, "1", readerToken, "once more", "0");
      assertThat(lines(again)).filteredOn(line -> line.containsKey("body"))
        .extracting(line -> line.getJsonObject("body").getString("content")).containsExactly("once more");
    }
  }

  @Test
  @DisplayName("a live delivery the bus dropped is read from the log: the bridge client still gets all, in order")
  void gapIsReadFromTheLog() throws Exception {
    JsonObject reader = gatehouse.user("gapreader");
    String topic = "gap-" + System.nanoTime();
    String readerToken = reader.getString("access_token");
    AtomicInteger dropped = new AtomicInteger();
    Handler<DeliveryContext<Object>> dropOnce = context -> {
      if (context.message().address().startsWith("gatehouse.deliver.topic.")
        && context.message().body() instanceof Delivery delivery && "dropped".equals(delivery.content())) {
        dropped.incrementAndGet();
        return;
      }
      context.next();
    };
    gatehouse.vertx.eventBus().addInboundInterceptor(dropOnce);
    try (ActionClient action = ownerWithReader(topic, reader)) {
      // the bridge client registers, then publishes "before" on the same socket: it is following live by then
      CompletableFuture<NodeClients.Run> consumer = CompletableFuture.supplyAsync(() ->
        bridgeClient(readerToken, topic, "3", readerToken, "before", "0"));
      action.expect(json -> "before".equals(json.getString("content")), Duration.ofSeconds(20));
      action.call(new JsonObject().put("action", "message").put("topic_name", topic).put("content", "dropped"));
      action.call(new JsonObject().put("action", "message").put("topic_name", topic).put("content", "after"));

      NodeClients.Run run = consumer.get(60, TimeUnit.SECONDS);
      assertThat(run.status()).as(run.stdout() + run.stderr()).isZero();
      assertThat(dropped.get()).as("live deliveries of \"dropped\" the bus lost").isPositive();
      assertThat(lines(run)).filteredOn(line -> line.containsKey("body"))
        .extracting(line -> line.getJsonObject("body").getString("content"))
        .containsExactly("before", "dropped", "after");
    } finally {
      gatehouse.vertx.eventBus().removeInboundInterceptor(dropOnce);
    }
  }

  /** A new owner's action connection to a new public {@code topic} that {@code reader} joined (and left). */
  private static ActionClient ownerWithReader(String topic, JsonObject reader) {
    ActionClient action = gatehouse.connect(gatehouse.user("owner"));
    action.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false));
    try (ActionClient joiner = gatehouse.connect(reader)) {
      joiner.call(new JsonObject().put("action", "subscribe").put("topic_name", topic));
    }
    return action;
  }

  /** Waits until pending-delivery holds the member's cursor at {@code seq} or beyond (acks are written behind). */
  private static void awaitCursor(String userId, long seq) throws Exception {
    for (int attempt = 0; attempt < 200; attempt++) {
      CursorList cursors = gatehouse.vertx.eventBus().<CursorList>request(Addresses.Pending.CURSORS,
        new CursorQuery(userId)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).body();
      if (cursors.cursors().stream().anyMatch(cursor -> cursor.afterSeq() >= seq)) {
        return;
      }
      Thread.sleep(50);
    }
    throw new AssertionError("cursor of " + userId + " never reached " + seq);
  }
}
