package io.gatehouse.stomp;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.routing.CursorList;
import io.gatehouse.contract.routing.CursorQuery;
import io.gatehouse.gateway.ActionClient;
import io.gatehouse.gateway.GatewayFixture;
import io.gatehouse.gateway.NodeClients;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("STOMP destinations /topic/<name> are Gatehouse topics, shared with the action protocol")
class StompTopicsTest {

  private static SignupFixture fixture;
  private static GatewayFixture gatehouse;

  @BeforeAll
  static void start() {
    NodeClients.installed();
    fixture = new SignupFixture(new JsonObject());
    gatehouse = fixture.gatehouse;
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("@stomp/stompjs and an action-protocol client exchange messages on one topic; client-individual acks move the cursor")
  void stompjsAndActionClientShareATopic() throws Exception {
    JsonObject alice = gatehouse.user("alice");
    JsonObject bob = gatehouse.user("bob");
    String topic = "stomp-topic-" + System.nanoTime();
    try (ActionClient action = gatehouse.connect(alice)) {
      assertThat(action.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false))
        .getBoolean("success")).isTrue();
      CompletableFuture<NodeClients.Run> stompjs = CompletableFuture.supplyAsync(() -> NodeClients.run(
        NodeClients.clientsDir(), 60, "node", "stomp-topic.mjs", "ws://127.0.0.1:" + fixture.stomp.webSocketPort()
          + "/stomp", bob.getString("access_token"), topic, "hello from stompjs", "2", "client-individual"));

      JsonObject fromStomp = action.expect(json -> "hello from stompjs".equals(json.getString("content")),
        Duration.ofSeconds(20));
      assertThat(fromStomp.getString("from")).isEqualTo(bob.getString("username"));
      action.call(new JsonObject().put("action", "message").put("topic_name", topic).put("content", "hello from ws"));

      NodeClients.Run run = stompjs.get(60, TimeUnit.SECONDS);
      assertThat(run.status()).as(run.stdout() + run.stderr()).isZero();
      List<JsonObject> lines = run.stdout().lines().map(JsonObject::new).toList();
      assertThat(lines.get(0).getJsonObject("connected").getString("user-name")).isEqualTo(bob.getString("username"));
      assertThat(lines).filteredOn(line -> line.containsKey("body")).extracting(line -> line.getString("body"))
        .containsExactly("hello from stompjs", "hello from ws");
    }
    CursorList cursors = GatewayFixture.await(gatehouse.vertx.eventBus()
      .<CursorList>request(Addresses.Pending.CURSORS, new CursorQuery(bob.getString("user_id")))).body();
    assertThat(cursors.cursors()).anySatisfy(cursor -> assertThat(cursor.afterSeq()).isEqualTo(2));
  }

  @Test
  @DisplayName("STOMP over TCP: CONNECT with a JWT passcode, SUBSCRIBE with a receipt, SEND, and the MESSAGE comes back")
  void tcpSession() throws Exception {
    JsonObject carol = gatehouse.user("carol");
    String topic = "tcp-topic-" + System.nanoTime();
    try (ActionClient action = gatehouse.connect(carol)) {
      action.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false));
    }
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send("CONNECT\naccept-version:1.2\nhost:gatehouse\npasscode:" + carol.getString("access_token") + "\n\n\0"
        + "SUBSCRIBE\nid:s1\ndestination:/topic/" + topic + "\nack:auto\nreceipt:r1\n\n\0");
      stomp.awaitText("receipt-id:r1");
      stomp.send("SEND\ndestination:/topic/" + topic + "\nreceipt:r2\n\nover tcp\0");
      String received = stomp.awaitText("over tcp");
      assertThat(received).contains("CONNECTED").contains("version:1.2").contains("MESSAGE")
        .contains("subscription:s1").contains("receipt-id:r2");
    }
  }

  @Test
  @DisplayName("a bad token, a private topic of others and an unknown ack mode are refused with ERROR and a close")
  void refusals() throws Exception {
    JsonObject dave = gatehouse.user("dave");
    JsonObject erin = gatehouse.user("erin");
    String secret = "private-" + System.nanoTime();
    try (ActionClient action = gatehouse.connect(dave)) {
      action.call(new JsonObject().put("action", "create").put("topic_name", secret).put("is_private", true));
    }
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send("CONNECT\naccept-version:1.2\npasscode:not-a-jwt\n\n\0");
      assertThat(stomp.readUntilClosed()).startsWith("ERROR").contains("Invalid token");
    }
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send("CONNECT\naccept-version:1.2\npasscode:" + erin.getString("access_token") + "\n\n\0"
        + "SUBSCRIBE\nid:1\ndestination:/topic/" + secret + "\n\n\0");
      assertThat(stomp.readUntilClosed()).contains("CONNECTED").contains("ERROR").contains("not_found");
    }
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send("CONNECT\naccept-version:1.2\npasscode:" + erin.getString("access_token") + "\n\n\0"
        + "SUBSCRIBE\nid:1\ndestination:/topic/anything\nack:sometimes\n\n\0");
      assertThat(stomp.readUntilClosed()).contains("ERROR").contains("ack auto, client or client-individual");
    }
  }
}
