package io.gatehouse.gateway.edge;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes the action-protocol WebSocket: mutated actions in batches on one authenticated connection, each
 * batch read back until every input has its reply (a JSON object with {@code success}) or the server has
 * closed with a defined code; a closed connection is replaced and fuzzing goes on. Some inputs are binary
 * frames or broken WebSocket frames.
 */
final class ActionFuzzer {

  static final Set<Integer> CLOSE_CODES = Set.of(1000, 1002, 1003, 1007, 1008, 1009, 1011, 4401);
  private static final int BATCH = 50;

  private final int port;
  private final String token;
  private final FuzzInputs inputs;
  private final List<String> seeds;
  int closes;

  ActionFuzzer(int port, String token, String topic, long seed) {
    this.port = port;
    this.token = token;
    this.inputs = new FuzzInputs(seed);
    this.seeds = List.of(
      "{\"action\":\"ping\",\"id\":1}",
      "{\"action\":\"create\",\"topic_name\":\"fz-new\",\"is_private\":false,\"id\":2}",
      "{\"action\":\"subscribe\",\"topic_name\":\"" + topic + "\",\"id\":3}",
      "{\"action\":\"suscribe\",\"topic_name\":\"" + topic + "\"}",
      "{\"action\":\"unsubscribe\",\"topic_name\":\"" + topic + "\",\"id\":\"u\"}",
      "{\"action\":\"message\",\"topic_name\":\"" + topic + "\",\"content\":\"hello\",\"id\":4}",
      "{\"action\":\"ack\",\"message_id\":\"0190f1f4-0000-7000-8000-000000000000\"}",
      "{\"action\":\"ack\",\"message_ids\":[\"0190f1f4-0000-7000-8000-000000000000\"],\"id\":5}",
      "{\"action\":\"invite\",\"topic_name\":\"" + topic + "\",\"username\":\"nobody\",\"id\":6}",
      "{\"action\":\"auth\",\"token\":\"" + token + "\"}");
  }

  /** Sends {@code count} inputs; returns how many replies were read. */
  int run(int count) {
    int replies = 0;
    int sent = 0;
    while (sent < count) {
      try (RawWebSocket ws = RawWebSocket.open(port, "/ws/" + token, 20_000)) {
        assertThat(ws.read().text()).contains("\"success\":true");
        while (sent < count) {
          List<String> batch = new ArrayList<>();
          boolean brokenFrame = false;
          for (int i = 0; i < BATCH && sent < count; i++, sent++) {
            if (inputs.random().nextInt(400) == 0) {
              ws.sendRaw(brokenFrame());
              brokenFrame = true;
              sent++;
              break;
            }
            if (inputs.random().nextInt(20) == 0) {
              ws.send(0x82, inputs.bytes(200));
              batch.add("<binary>");
            } else {
              String input = inputs.mutate(inputs.pick(seeds));
              ws.sendText(input);
              batch.add(input);
            }
          }
          Integer closed = readReplies(ws, batch, brokenFrame);
          replies += batch.size();
          if (closed != null) {
            closes++;
            break;
          }
        }
      }
    }
    return replies;
  }

  /** Reads until every input of {@code batch} is answered; the close code when the server closed instead. */
  private Integer readReplies(RawWebSocket ws, List<String> batch, boolean brokenFrame) {
    int answered = 0;
    while (answered < batch.size() || brokenFrame) {
      RawWebSocket.Frame frame = ws.read();
      if (frame == null) {
        assertThat(brokenFrame).as("connection dropped without a close frame after " + batch).isTrue();
        return 1006;
      }
      if (frame.isClose()) {
        assertThat(CLOSE_CODES).as("close code after " + batch).contains(frame.closeCode());
        assertThat(frame.text()).doesNotContainPattern(FuzzInputs.STACK_TRACE);
        return frame.closeCode();
      }
      if (frame.opcode() == 9 || frame.opcode() == 10) {
        continue;
      }
      String text = frame.text();
      assertThat(text).doesNotContainPattern(FuzzInputs.STACK_TRACE);
      JsonObject reply;
      try {
        reply = new JsonObject(text);
      } catch (DecodeException e) {
        throw new AssertionError("reply is not JSON: " + text);
      }
      if (reply.containsKey("success")) {
        answered++;
      }
    }
    return null;
  }

  /** A WebSocket frame the protocol forbids: reserved bits, unknown opcode, an unmasked or oversized control frame. */
  private byte[] brokenFrame() {
    return switch (inputs.random().nextInt(4)) {
      case 0 -> new byte[] {(byte) 0xF1, (byte) 0x80, 1, 2, 3, 4};
      case 1 -> new byte[] {(byte) 0x83, (byte) 0x80, 1, 2, 3, 4};
      case 2 -> new byte[] {(byte) 0x81, 0x05, 'h', 'e', 'l', 'l', 'o'};
      default -> {
        byte[] ping = new byte[2 + 4 + 200];
        ping[0] = (byte) 0x89;
        ping[1] = (byte) (0x80 | 126);
        yield ping;
      }
    };
  }
}
