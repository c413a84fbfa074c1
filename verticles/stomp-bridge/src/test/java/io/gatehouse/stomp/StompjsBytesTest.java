package io.gatehouse.stomp;

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

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("@stomp/stompjs: headers and binary bodies, and what action-protocol clients see of them")
class StompjsBytesTest {

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
  @DisplayName("a text body keeps its headers; a binary body comes back byte for byte")
  void headersAndBinaryBodies() throws Exception {
    JsonObject user = gatehouse.user("bytes");
    String topic = "bytes-" + System.nanoTime();
    try (ActionClient action = gatehouse.connect(user)) {
      action.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false));
      NodeClients.Run run = NodeClients.run(NodeClients.clientsDir(), 60, "node", "stomp-bytes.mjs",
        "ws://127.0.0.1:" + fixture.stomp.webSocketPort() + "/stomp", user.getString("access_token"), topic);
      assertThat(run.status()).as(run.stdout() + run.stderr()).isZero();
      List<JsonObject> lines = run.stdout().lines().map(JsonObject::new).toList();
      assertThat(lines.get(0).getJsonObject("headers").getString("content-type")).isEqualTo("application/json");
      assertThat(lines.get(0).getJsonObject("headers").getString("x-trace")).isEqualTo("a:b");
      assertThat(lines.get(0).getString("hex")).isEqualTo("7b226e223a317d");
      assertThat(lines.get(1).getString("hex")).isEqualTo("0001fffe00");
      assertThat(lines.get(1).getJsonObject("headers").getString("content-length")).isEqualTo("5");

      // the action protocol's contract is unchanged: text content as sent, a binary body as its base64
      JsonObject text = action.expect(json -> "{\"n\":1}".equals(json.getString("content")), Duration.ofSeconds(10));
      assertThat(text.getString("topic_name")).isEqualTo(topic);
      action.expect(json -> "AAH//gA=".equals(json.getString("content")), Duration.ofSeconds(10));
    }
  }
}
