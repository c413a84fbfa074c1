package io.gatehouse.gateway;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("a failing handler answers with an error reply and a correlation id, never a stack trace, and the socket stays open")
class FailingServiceTest {

  @Test
  @DisplayName("ack while pending-delivery is down")
  void failingHandlerGetsCorrelationId() {
    try (GatewayFixture gatehouse = GatewayFixture.start(new JsonObject().put("requestTimeoutMs", 2000))) {
      JsonObject user = gatehouse.user("unlucky");
      String topic = "down-" + System.nanoTime();
      try (ActionClient client = gatehouse.connect(user)) {
        client.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false));
        JsonObject sent = client.call(new JsonObject().put("action", "message").put("topic_name", topic).put("content", "x"));
        client.expect(ActionClient::isDelivery);
        gatehouse.stopPendingDelivery();

        JsonObject reply = client.call(new JsonObject().put("action", "ack").put("message_id", sent.getString("message_id"))
          .put("id", 99));
        assertThat(reply.getBoolean("success")).isFalse();
        assertThat(reply.getString("code")).isEqualTo("internal");
        assertThat(reply.getString("correlation_id")).hasSize(36);
        assertThat(reply.getInteger("id")).isEqualTo(99);
        assertThat(reply.encode()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(client.call(new JsonObject().put("action", "ping")).getBoolean("success")).isTrue();
        assertThat(gatehouse.http.get("/health", null).status()).isEqualTo(503);
      }
    }
  }
}
