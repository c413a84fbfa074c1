package io.gatehouse.gateway.edge;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/** Fuzzes Socket.IO over Engine.IO's WebSocket transport: mutated packets on the {@code /chat} namespace. */
final class SocketIoFuzzer extends ProbedFuzzer {

  private final int port;
  private final String token;
  private final List<String> seeds;

  SocketIoFuzzer(int port, String token, String otherUserId, long seed) {
    super(seed, Set.of(1000, 1002, 1003, 1007, 1008, 1009, 1011), 2);
    this.port = port;
    this.token = token;
    this.seeds = List.of(
      "42/chat,1[\"send_message\",{\"chat_id\":\"0190f1f4-0000-7000-8000-000000000000\",\"message\":\"hi\"}]",
      "42/chat,2[\"start_private_chat\",{\"receiver_id\":\"" + otherUserId + "\"}]",
      "42/chat,3[\"receive_message\",{\"message_id\":\"0190f1f4-0000-7000-8000-000000000000\"}]",
      "42/chat,[\"send_message\",{\"chat_id\":\"x\",\"content\":\"hi\",\"type\":\"text\"}]",
      "42/chat,4[\"no_such_event\",1,2,3]",
      "40/chat,{\"token\":\"" + token + "\"}",
      "3",
      "6",
      "451-/chat,5[\"send_message\",{\"_placeholder\":true,\"num\":0}]");
  }

  @Override
  protected RawWebSocket connect() {
    RawWebSocket ws = RawWebSocket.open(port, "/socket.io/?EIO=4&transport=websocket", 20_000);
    assertThat(ws.read().text()).startsWith("0{");
    ws.sendText("40/chat,{\"token\":\"" + token + "\"}");
    assertThat(ws.read().text()).startsWith("40/chat,{\"sid\"");
    return ws;
  }

  @Override
  protected String input() {
    String seed = inputs.pick(seeds);
    int payload = seed.indexOf('[') < 0 ? seed.indexOf('{') : seed.indexOf('[');
    if (payload > 0 && inputs.random().nextInt(3) > 0) {
      return seed.substring(0, payload) + inputs.mutate(seed.substring(payload));
    }
    return inputs.mutateText(seed);
  }

  @Override
  protected String probe(int n) {
    return "42/chat," + (1_000_000 + n) + "[\"send_message\",{}]";
  }

  @Override
  protected Predicate<String> isProbeReply(int n) {
    String prefix = "43/chat," + (1_000_000 + n) + "[";
    return text -> text.startsWith(prefix);
  }

  @Override
  protected boolean housekeeping(RawWebSocket ws, String frame) {
    if (frame.equals("2")) {
      ws.sendText("3");
      return true;
    }
    return false;
  }
}
