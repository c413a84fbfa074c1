package io.gatehouse.gateway;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Request ids and message ids on the action protocol, sent as raw text the way a hostile client would. */
@DisplayName("action protocol: malformed ack ids and request ids")
class ActionIdsTest {

  private static GatewayFixture fixture;

  @BeforeAll
  static void start() {
    fixture = GatewayFixture.start(new JsonObject());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static JsonObject reply(ActionClient client, String action) {
    return client.expect(json -> action.equals(json.getString("action")) && json.containsKey("success"));
  }

  @Test
  @DisplayName("an ack whose message id is not a message id is invalid_request; an unknown one stays not_found")
  void malformedAckId() {
    ActionClient client = fixture.connect(fixture.user("acker"));
    client.sendText("{\"action\":\"ack\",\"message_id\":\"not-a-message-id\"}");
    JsonObject malformed = reply(client, "ack");
    assertThat(malformed.getBoolean("success")).isFalse();
    assertThat(malformed.getString("code")).isEqualTo("invalid_request");

    client.sendText("{\"action\":\"ack\",\"message_ids\":[\"" + UUID.randomUUID() + "\",\"x\"]}");
    assertThat(reply(client, "ack").getString("code")).isEqualTo("invalid_request");

    client.sendText("{\"action\":\"ack\",\"message_id\":\"" + UUID.randomUUID() + "\"}");
    assertThat(reply(client, "ack").getString("code")).isEqualTo("not_found");
  }

  @Test
  @DisplayName("a numeric id too large for a double is refused, never echoed as \"Infinity\"")
  void hugeNumericId() {
    ActionClient client = fixture.connect(fixture.user("counter"));
    client.sendText("{\"action\":\"ping\",\"id\":1e400}");
    JsonObject refused = reply(client, "ping");
    assertThat(refused.getBoolean("success")).isFalse();
    assertThat(refused.getString("code")).isEqualTo("invalid_request");
    assertThat(refused.containsKey("id")).isFalse();

    client.sendText("{\"action\":\"ping\",\"id\":-1e999}");
    assertThat(reply(client, "ping").getString("code")).isEqualTo("invalid_request");

    client.sendText("{\"action\":\"ping\",\"id\":42}");
    JsonObject echoed = reply(client, "ping");
    assertThat(echoed.getBoolean("success")).isTrue();
    assertThat(echoed.getValue("id")).isEqualTo(42);
    client.sendText("{\"action\":\"ping\",\"id\":\"req-7\"}");
    assertThat(reply(client, "ping").getString("id")).isEqualTo("req-7");
  }
}
