package io.gatehouse.stomp;

import io.gatehouse.gateway.edge.FuzzInputs;
import io.gatehouse.gateway.edge.RawConnection;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes STOMP over TCP: mutated frames after a CONNECT, and after every ten a SEND with a receipt as probe.
 * Every input is answered: by its RECEIPT or MESSAGE, by an ERROR frame followed by a close (then fuzzing
 * goes on over a new connection), or by the connection still answering the probe. No frame may carry a
 * stack trace, and a close must follow an ERROR frame.
 */
final class StompFuzzer {

  private static final int PROBE_EVERY = 10;

  private final int port;
  private final String token;
  private final String topic;
  private final FuzzInputs inputs;
  private final List<String> seeds;
  int errors;

  StompFuzzer(int port, String token, String topic, long seed) {
    this.port = port;
    this.token = token;
    this.topic = topic;
    this.inputs = new FuzzInputs(seed);
    String destination = "/topic/" + topic;
    this.seeds = List.of(
      "SUBSCRIBE\nid:1\ndestination:" + destination + "\nack:client-individual\nreceipt:s1\n\n\0",
      "SUBSCRIBE\nid:2\ndestination:" + destination + "\nack:auto\n\n\0",
      "UNSUBSCRIBE\nid:1\nreceipt:u1\n\n\0",
      "SEND\ndestination:" + destination + "\ncontent-type:text/plain\nreceipt:m1\n\nhello\0",
      "SEND\ndestination:" + destination + "\n\nno length\0",
      "ACK\nid:0190f1f4-0000-7000-8000-000000000000\nreceipt:a1\n\n\0",
      "NACK\nid:x\n\n\0",
      "BEGIN\ntransaction:t1\n\n\0",
      "\n",
      "CONNECT\naccept-version:1.2\npasscode:" + token + "\n\n\0");
  }

  int run(int count) throws IOException {
    int sent = 0;
    int probes = 0;
    while (sent < count) {
      try (RawConnection connection = RawConnection.open(port, 20_000)) {
        connection.write("CONNECT\naccept-version:1.2\nheart-beat:0,0\npasscode:" + token + "\n\n\0");
        assertThat(readFrame(connection.input())).startsWith("CONNECTED");
        boolean open = true;
        while (open && sent < count) {
          List<String> batch = new ArrayList<>();
          for (int i = 0; i < PROBE_EVERY && sent < count; i++, sent++) {
            String input = complete(inputs.mutateText(inputs.pick(seeds)));
            connection.write(input.getBytes(StandardCharsets.UTF_8));
            batch.add(input);
          }
          String receipt = "probe-" + ++probes;
          connection.write("SEND\ndestination:/topic/" + topic + "\nreceipt:" + receipt + "\n\np\0");
          open = awaitReceipt(connection.input(), receipt, batch);
        }
      }
    }
    return sent;
  }

  /**
   * Ends the input with a NUL if the mutation took it away: an unfinished frame would swallow the probe.
   * Seeds carry no {@code content-length} for the same reason (a larger one would wait for the probe's bytes).
   */
  private static String complete(String input) {
    return input.endsWith("\0") ? input : input + "\0";
  }

  private boolean awaitReceipt(InputStream in, String receipt, List<String> batch) throws IOException {
    while (true) {
      String frame = readFrame(in);
      assertThat(frame).as("closed without an ERROR frame after " + batch).isNotNull();
      assertThat(frame).as("after " + batch).doesNotContainPattern(FuzzInputs.STACK_TRACE);
      if (frame.startsWith("ERROR")) {
        errors++;
        for (String after = readFrame(in); after != null; after = readFrame(in)) {
          assertThat(after).as("nothing but the close follows ERROR").isEmpty();
        }
        return false;
      }
      if (frame.startsWith("RECEIPT") && frame.contains("receipt-id:" + receipt + "\n")) {
        return true;
      }
    }
  }

  /**
   * The next frame (heart-beat EOLs skipped): its command and headers, and a body of {@code content-length}
   * bytes when the header says so (it may hold NULs), else up to the NUL; null when the server closed.
   */
  private static String readFrame(InputStream in) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    try {
      int b = in.read();
      while (b == '\n' || b == '\r') {
        b = in.read();
      }
      for (; b >= 0 && !frame.toString(StandardCharsets.UTF_8).endsWith("\n\n"); b = in.read()) {
        if (b == 0) {
          return frame.toString(StandardCharsets.UTF_8);
        }
        frame.write(b);
      }
      if (b < 0) {
        return null;
      }
      String head = frame.toString(StandardCharsets.UTF_8);
      int length = -1;
      for (String line : head.split("\n")) {
        if (line.startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      if (length > 0) {
        frame.write(b);
        frame.write(in.readNBytes(length - 1));
        in.read(); // the NUL after the body
        return frame.toString(StandardCharsets.UTF_8);
      }
      for (; b > 0; b = in.read()) {
        frame.write(b);
      }
      return b < 0 ? null : frame.toString(StandardCharsets.UTF_8);
    } catch (SocketException reset) {
      return null;
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no frame and no close from the server in time; partial: " + frame);
    }
  }
}
