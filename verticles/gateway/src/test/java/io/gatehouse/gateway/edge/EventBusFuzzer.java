package io.gatehouse.gateway.edge;

import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Fuzzes the SockJS event-bus bridge over its raw WebSocket transport ({@code /eventbus/websocket}). */
final class EventBusFuzzer extends ProbedFuzzer {

  private final int port;
  private final String token;
  private final List<String> seeds;

  EventBusFuzzer(int port, String token, String topic, long seed) {
    super(seed, Set.of(1000, 1002, 1003, 1007, 1008, 1009, 1011), 10);
    this.port = port;
    this.token = token;
    String headers = "\"headers\":{\"token\":\"" + token + "\"}";
    this.seeds = List.of(
      "{\"type\":\"register\",\"address\":\"gatehouse.bridge.topic." + topic + "\"," + headers + "}",
      "{\"type\":\"unregister\",\"address\":\"gatehouse.bridge.topic." + topic + "\"}",
      "{\"type\":\"send\",\"address\":\"gatehouse.bridge.publish\",\"body\":{\"topic_name\":\"" + topic
        + "\",\"content\":\"hi\"}," + headers + ",\"replyAddress\":\"r1\"}",
      "{\"type\":\"publish\",\"address\":\"gatehouse.bridge.publish\",\"body\":{\"topic_name\":\"" + topic
        + "\",\"content\":\"hi\"}," + headers + "}",
      "{\"type\":\"send\",\"address\":\"gatehouse.auth.login\",\"body\":{}}",
      "{\"type\":\"register\",\"address\":\"gatehouse.auth.login\"}",
      "{\"type\":\"ping\"}");
  }

  @Override
  protected RawWebSocket connect() {
    return RawWebSocket.open(port, "/eventbus/websocket", 20_000);
  }

  @Override
  protected String input() {
    return inputs.mutate(inputs.pick(seeds));
  }

  /** A publish that always gets a reply or error: every other one with a body of an odd shape or type. */
  @Override
  protected String probe(int n) {
    Object body = n % 2 == 0 ? new JsonObject().put("topic_name", "fz-none").put("content", "p") : inputs.oddValue();
    return new JsonObject().put("type", "send").put("address", "gatehouse.bridge.publish").put("body", body)
      .put("headers", new JsonObject().put("token", token)).put("replyAddress", "probe-" + n).encode();
  }

  @Override
  protected Predicate<String> isProbeReply(int n) {
    String address = "\"address\":\"probe-" + n + "\"";
    return text -> text.contains(address);
  }
}
