package io.gatehouse.stomp;

import io.gatehouse.gateway.ActionClient;
import io.gatehouse.gateway.GatewayFixture;
import io.gatehouse.gateway.NodeClients;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-user message quota slows a STOMP publisher: with 10 messages a second (burst 20), 100 SENDs written
 * at once by stomp.py take their time, and every one is committed, received once and in order; none is refused.
 * The socket stays unread for longer than twice the heart-beat period of 500 ms, which must not count against
 * a client that asked for heart-beats.
 */
@DisplayName("a STOMP publisher over its message quota is paced, not refused")
class StompPublisherQuotaTest {

  private static final int SENDS = 100;

  private static SignupFixture fixture;
  private static GatewayFixture gatehouse;

  @BeforeAll
  static void start() {
    NodeClients.installed();
    fixture = new SignupFixture(new JsonObject().put("fixture", new JsonObject().put("metrics", true))
      .put("stomp", new JsonObject().put("heartbeatMs", 500))
      .put("routing", new JsonObject().put("userMessagesPerSecond", 10)));
    gatehouse = fixture.gatehouse;
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @ParameterizedTest(name = "over {0}, heart-beats {1}")
  @CsvSource({"tcp,0", "ws,0", "tcp,500"})
  @DisplayName("100 SENDs at 10 a second: deferred and sent again, no ERROR, no close, every message once in order")
  void publisherIsPaced(String transport, int heartbeatMs) {
    JsonObject talker = gatehouse.user("talker");
    String topic = "quota-" + transport + "-" + System.nanoTime();
    try (ActionClient action = gatehouse.connect(talker)) {
      action.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false));
    }
    PrometheusText before = scrape();
    FastPublisher.runClean(fixture, transport, talker.getString("access_token"), topic, SENDS,
      Map.of("STOMP_HEARTBEATS", heartbeatMs + "," + heartbeatMs));

    PrometheusText after = scrape();
    assertThat(before.increaseTo(after, "gatehouse_publish_deferred_total", Map.of()))
      .as("messages the quota held back").isPositive();
    assertThat(before.increaseTo(after, "gatehouse_reads_paused_total", Map.of("protocol", "stomp")))
      .as("the publisher's socket stopped being read").isPositive();
    assertThat(before.increaseTo(after, "gatehouse_rate_limit_refusals_total", Map.of("edge", "publish")))
      .as("the quota refused none").isZero();
  }

  private static PrometheusText scrape() {
    return PrometheusText.parse(gatehouse.http.get("/metrics", null).raw().toString());
  }
}
