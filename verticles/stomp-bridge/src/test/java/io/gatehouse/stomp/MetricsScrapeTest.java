package io.gatehouse.stomp;

import io.gatehouse.face.engine.FaceFixtures;
import io.gatehouse.gateway.ActionClient;
import io.gatehouse.gateway.ChatScenario;
import io.gatehouse.gateway.GatewayFixture;
import io.gatehouse.gateway.HttpProbe;
import io.gatehouse.gateway.NodeClients;
import io.gatehouse.gateway.face.FaceClient;
import io.gatehouse.gateway.face.FaceTenant;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("/metrics after real traffic of every protocol: Prometheus text with Vert.x's and Gatehouse's series")
class MetricsScrapeTest {

  private static SignupFixture fixture;
  private static GatewayFixture gatehouse;

  @BeforeAll
  static void start() {
    NodeClients.installed();
    fixture = new SignupFixture(new JsonObject().put("fixture", new JsonObject().put("metrics", true))
      .put("gateway", new JsonObject().put("messagesPerSecond", 1).put("messageBurst", 40)));
    gatehouse = fixture.gatehouse;
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("action, Socket.IO, STOMP, the event-bus bridge, face frames and OTPs each show in their series")
  void everyProtocolCounts() throws Exception {
    JsonObject alice = gatehouse.user("alice");
    JsonObject bob = gatehouse.user("bob");
    String topic = "metrics-" + System.nanoTime();
    String token = alice.getString("access_token");
    try (ActionClient action = gatehouse.connect(alice)) {
      action.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false));
      JsonObject sent = action.call(new JsonObject().put("action", "message").put("topic_name", topic).put("content", "one"));
      action.expect(ActionClient::isDelivery);
      action.call(new JsonObject().put("action", "ack").put("message_id", sent.getString("message_id")));

      try (ActionClient again = gatehouse.connect(alice)) { // connecting catches up from the cursor
        again.call(new JsonObject().put("action", "ping"));
      }
      try (ActionClient flood = gatehouse.connect(bob)) {
        for (int i = 0; i < 60; i++) {
          flood.send(new JsonObject().put("action", "ping"));
        }
        assertThat(flood.expect(reply -> "rate_limited".equals(reply.getString("code")), Duration.ofSeconds(20)))
          .as("a flood of pings is refused").isNotNull();
      }
      assertThat(gatehouse.http.get("/users/username/nobody-" + System.nanoTime(), token).status()).isEqualTo(404);

      NodeClients.Run bridge = NodeClients.run(NodeClients.clientsDir(), 60, "node", "eventbus-topic.mjs",
        "http://127.0.0.1:" + gatehouse.port + "/eventbus", token, topic, "1", token, "via the bridge", "0");
      assertThat(bridge.status()).as(bridge.stdout() + bridge.stderr()).isZero();

      try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
        stomp.send("CONNECT\naccept-version:1.2\npasscode:" + token + "\n\n\0");
        stomp.awaitText("CONNECTED");
        stomp.send("SUBSCRIBE\nid:0\ndestination:/topic/" + topic + "\n\n\0");
        stomp.send("SEND\ndestination:/topic/" + topic + "\n\nover stomp\0");
        assertThat(stomp.awaitText("over stomp")).contains("MESSAGE");
      }

      ChatScenario.Outcome chat = new ChatScenario("http://127.0.0.1:" + gatehouse.port)
        .connect("a", token, null)
        .connect("b", bob.getString("access_token"), null)
        .emit("a", "start_private_chat", new JsonObject().put("receiver_id", bob.getString("user_id")), null, "chat")
        .emit("a", "send_message", new JsonObject().put("chat_id", "${chat.chat_id}").put("message", "hi"), null, "m1")
        .expect("b", "receive_message", new JsonObject().put("content", "hi"))
        .play();
      assertThat(chat.passed()).as(chat.toString()).isTrue();

      FaceTenant tenant = FaceTenant.create(gatehouse, "metrics");
      try (FaceClient face = FaceClient.open(gatehouse, tenant.enrollment("metrics-user"))) {
        face.expectType("connection_established");
        assertThat(face.frame(FaceFixtures.faceApiSample(3, 0).frame(170, 0, 0, false)).getString("type"))
          .isIn("frame_processed", "error");
      }

      String phone = SignupFixture.newPhone();
      assertThat(fixture.browser().post("/v1/signup/registration/generate-challenge",
        SignupFixture.challenge(phone, "REGISTRATION", false)).status()).isEqualTo(200);

      HttpProbe.Reply scrape = gatehouse.http.get("/metrics", null);
      assertThat(scrape.status()).isEqualTo(200);
      PrometheusText metrics = PrometheusText.parse(scrape.raw().toString());

      assertThat(metrics.sum("gatehouse_connections_open", Map.of("protocol", "action"))).as("alice's socket").isEqualTo(1.0);
      for (String protocol : new String[] {"action", "socketio", "stomp", "eventbus-bridge"}) {
        assertThat(metrics.sum("gatehouse_deliveries_total", Map.of("protocol", protocol))).as(protocol).isGreaterThanOrEqualTo(1.0);
      }
      assertThat(metrics.sum("gatehouse_publish_commit_seconds_count")).as("one, the bridge, STOMP, the chat")
        .isGreaterThanOrEqualTo(4.0);
      assertThat(metrics.sum("gatehouse_publish_commit_seconds_sum")).isGreaterThan(0.0).isLessThan(60.0);
      assertThat(metrics.has("gatehouse_publish_commit_seconds_bucket")).as("a histogram").isTrue();
      assertThat(metrics.sum("gatehouse_group_commit_batch_size_count", Map.of("batcher", "log"))).isGreaterThanOrEqualTo(1.0);
      assertThat(metrics.sum("gatehouse_group_commit_batch_size_count", Map.of("batcher", "acks"))).isGreaterThanOrEqualTo(1.0);
      assertThat(metrics.sum("gatehouse_group_commit_batch_size_max", Map.of("batcher", "log"))).isBetween(1.0, 512.0);
      assertThat(metrics.sum("gatehouse_catchup_reads_total")).isGreaterThanOrEqualTo(1.0);
      assertThat(metrics.sum("gatehouse_bus_request_failures_total", Map.of("service", "auth", "code", "not_found")))
        .isGreaterThanOrEqualTo(1.0);
      assertThat(metrics.sum("gatehouse_face_frames_seconds_count")).isGreaterThanOrEqualTo(1.0);
      assertThat(metrics.sum("gatehouse_otps_sent_total")).isGreaterThanOrEqualTo(1.0);
      assertThat(metrics.sum("gatehouse_rate_limit_refusals_total", Map.of("edge", "action"))).isGreaterThanOrEqualTo(1.0);

      assertThat(metrics.sum("vertx_http_server_requests_total")).as("Vert.x HTTP").isGreaterThanOrEqualTo(5.0);
      assertThat(metrics.sum("vertx_http_server_active_ws_connections")).as("Vert.x WebSockets").isGreaterThanOrEqualTo(1.0);
      assertThat(metrics.sum("vertx_eventbus_processed_total")).as("Vert.x event bus").isGreaterThanOrEqualTo(10.0);
      assertThat(metrics.has("vertx_pool_")).as("Vert.x pools").isTrue();
      assertThat(metrics.has("jvm_memory_used_bytes")).isTrue();
    }
  }
}
