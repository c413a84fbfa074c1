package io.gatehouse.stomp;

import io.gatehouse.gateway.ActionClient;
import io.gatehouse.gateway.GatewayFixture;
import io.gatehouse.gateway.NodeClients;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-user message quota slows a STOMP publisher: with 20 messages a second (burst 40), 200 SENDs written
 * at once by stomp.py take their time, and every one is committed, received once and in order; none is refused.
 */
@DisplayName("a STOMP publisher over its message quota is paced, not refused")
class StompPublisherQuotaTest {

  private static final int SENDS = 200;

  private static SignupFixture fixture;
  private static GatewayFixture gatehouse;

  @BeforeAll
  static void start() {
    NodeClients.installed();
    fixture = new SignupFixture(new JsonObject().put("fixture", new JsonObject().put("metrics", true))
      .put("routing", new JsonObject().put("userMessagesPerSecond", 20)));
    gatehouse = fixture.gatehouse;
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @ParameterizedTest(name = "over {0}")
  @ValueSource(strings = {"tcp", "ws"})
  @DisplayName("200 SENDs at 20 a second: deferred and sent again, no ERROR, no close, every message once in order")
  void publisherIsPaced(String transport) {
    JsonObject talker = gatehouse.user("talker");
    String topic = "quota-" + transport + "-" + System.nanoTime();
    try (ActionClient action = gatehouse.connect(talker)) {
      action.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false));
    }
    PrometheusText before = scrape();
    FastPublisher.runClean(fixture, transport, talker.getString("access_token"), topic, SENDS);

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
