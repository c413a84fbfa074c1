package io.gatehouse.stomp;

import io.gatehouse.gateway.ActionClient;
import io.gatehouse.gateway.GatewayFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SENDs pipelined behind their CONNECT, in one write, as a client that does not wait for CONNECTED sends them. */
@DisplayName("SENDs written together with the CONNECT")
class StompPipelineOrderTest {
  private static SignupFixture fixture;
  private static GatewayFixture gatehouse;

  @BeforeAll
  static void start() {
    fixture = new SignupFixture(new JsonObject());
    gatehouse = fixture.gatehouse;
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("2 000 SENDs in the same write as CONNECT: committed and delivered in the order sent, no ERROR")
  void sendsBeforeConnectedKeepTheirOrder() throws Exception {
    JsonObject talker = gatehouse.user("talker");
    String topic = "pre-" + System.nanoTime();
    try (ActionClient action = gatehouse.connect(talker)) {
      action.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false));
    }
    try (RawStomp publisher = RawStomp.tcp(fixture.stomp.tcpPort())) {
      StringBuilder all = new StringBuilder("CONNECT\naccept-version:1.2\npasscode:" + talker.getString("access_token")
        + "\n\n\0SUBSCRIBE\nid:s\ndestination:/topic/" + topic + "\n\n\0");
      for (int n = 1; n <= 2000; n++) {
        all.append("SEND\ndestination:/topic/").append(topic).append(n == 2000 ? "\nreceipt:last" : "")
          .append("\n\nmessage ").append(n).append('\0');
      }
      publisher.send(all.toString());
      assertThat(publisher.awaitText("receipt-id:last", 60)).doesNotContain("ERROR");
      // the receipt of the last SEND follows its commit; its MESSAGE may still be on the way
      String received = publisher.awaitText("\n\nmessage 2000\0", 60);
      StringBuilder order = new StringBuilder();
      for (int at = received.indexOf("\n\nmessage "); at >= 0; at = received.indexOf("\n\nmessage ", at + 1)) {
        order.append(received, at + 10, received.indexOf('\0', at)).append(',');
      }
      StringBuilder sent = new StringBuilder();
      for (int n = 1; n <= 2000; n++) {
        sent.append(n).append(',');
      }
      assertThat(order.toString()).isEqualTo(sent.toString());
    }
  }
}
