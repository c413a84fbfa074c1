package io.gatehouse.stomp;

import io.gatehouse.gateway.NodeClients;
import io.vertx.core.json.JsonObject;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** stomp.py's fast-publisher scenario (clients/stomp_py_client.py): SENDs written as fast as the socket takes them. */
final class FastPublisher {

  private FastPublisher() {
  }

  /**
   * Runs {@code sends} SENDs to {@code topic} over {@code transport} (tcp or ws) and checks the run was clean: no
   * ERROR, no close, every receipt in frame order, the publisher's own subscription got every message once in
   * order, and the writes were done before the commits (the broker held the publisher back). The run's report.
   */
  static JsonObject runClean(SignupFixture fixture, String transport, String token, String topic, int sends) {
    return runClean(fixture, transport, token, topic, sends, Map.of());
  }

  /** With {@code environment} for the client, e.g. {@code STOMP_HEARTBEATS=500,500} to ask for heart-beats. */
  static JsonObject runClean(SignupFixture fixture, String transport, String token, String topic, int sends,
                             Map<String, String> environment) {
    String address = transport.equals("tcp") ? "127.0.0.1:" + fixture.stomp.tcpPort()
      : "ws://127.0.0.1:" + fixture.stomp.webSocketPort() + "/stomp";
    NodeClients.Run run = NodeClients.run(NodeClients.clientsDir(), 900, environment, PythonStompClient.PYTHON,
      "stomp_py_client.py", transport, address, token, "1.2", "fast-publisher", topic, Integer.toString(sends));
    assertThat(run.status()).as(run.stdout() + run.stderr()).isZero();
    JsonObject result = new JsonObject(run.stdout().lines().filter(line -> line.startsWith("{")).findFirst()
      .orElseThrow());
    String report = result.encode();
    assertThat(result.getJsonArray("errors")).as(report).isEmpty();
    assertThat(result.getBoolean("disconnected")).as(report).isFalse();
    assertThat(result.getInteger("receipts")).as(report).isEqualTo(sends);
    assertThat(result.getBoolean("receipts_in_order")).as(report).isTrue();
    assertThat(result.getBoolean("own_messages_in_order")).as(report).isTrue();
    assertThat(result.getInteger("receipts_when_written")).as(report).isLessThan(sends);
    return result;
  }
}
