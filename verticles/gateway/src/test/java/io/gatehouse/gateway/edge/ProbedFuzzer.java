package io.gatehouse.gateway.edge;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes a WebSocket protocol in which not every valid input has a reply (Socket.IO, the SockJS event-bus
 * bridge): after every one or few mutated inputs a probe that always gets a reply is sent, and the connection is
 * read until that reply. Every input is thereby answered: by its own reply or error, by a defined close
 * (after which fuzzing goes on over a new connection), or, where the protocol defines no reply, by the
 * connection still serving the probe. No frame may carry a stack trace.
 */
abstract class ProbedFuzzer {

  protected final FuzzInputs inputs;
  private final Set<Integer> closeCodes;
  private final int probeEvery;
  int closes;

  ProbedFuzzer(long seed, Set<Integer> closeCodes, int probeEvery) {
    this.inputs = new FuzzInputs(seed);
    this.closeCodes = closeCodes;
    this.probeEvery = probeEvery;
  }

  /** A new connection, ready for inputs. */
  protected abstract RawWebSocket connect();

  /** The next mutated input. */
  protected abstract String input();

  /** A probe numbered {@code n}, and how its reply is recognised. */
  protected abstract String probe(int n);

  protected abstract Predicate<String> isProbeReply(int n);

  /** Answers what the server expects of a client (e.g. Engine.IO pings); true when the frame was one. */
  protected boolean housekeeping(RawWebSocket ws, String frame) {
    return false;
  }

  int run(int count) {
    int sent = 0;
    int probes = 0;
    while (sent < count) {
      try (RawWebSocket ws = connect()) {
        boolean open = true;
        while (open && sent < count) {
          List<String> batch = new ArrayList<>();
          for (int i = 0; i < probeEvery && sent < count; i++, sent++) {
            String input = input();
            ws.sendText(input);
            batch.add(input);
          }
          int n = ++probes;
          ws.sendText(probe(n));
          open = awaitProbe(ws, n, batch);
        }
      }
    }
    return sent;
  }

  /** True when the probe was answered; false when the server closed in a defined way. */
  private boolean awaitProbe(RawWebSocket ws, int n, List<String> batch) {
    Predicate<String> probeReply = isProbeReply(n);
    while (true) {
      RawWebSocket.Frame frame = ws.read();
      assertThat(frame).as("connection dropped without a close frame after " + batch).isNotNull();
      if (frame.isClose()) {
        assertThat(closeCodes).as("close code after " + batch).contains(frame.closeCode());
        assertThat(frame.text()).doesNotContainPattern(FuzzInputs.STACK_TRACE);
        closes++;
        return false;
      }
      if (frame.opcode() != 1 && frame.opcode() != 2) {
        continue;
      }
      String text = frame.text();
      assertThat(text).as("after " + batch).doesNotContainPattern(FuzzInputs.STACK_TRACE);
      if (!housekeeping(ws, text) && probeReply.test(text)) {
        return true;
      }
    }
  }
}
