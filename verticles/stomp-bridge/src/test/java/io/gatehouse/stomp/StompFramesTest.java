package io.gatehouse.stomp;

import io.gatehouse.gateway.ActionClient;
import io.gatehouse.gateway.GatewayFixture;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("STOMP frames from raw sockets: refusals, receipts, versions, splitting, transactions")
class StompFramesTest {

  private static SignupFixture fixture;
  private static GatewayFixture gatehouse;
  private static JsonObject user;
  private static String topic;

  @BeforeAll
  static void start() {
    fixture = new SignupFixture(new JsonObject());
    gatehouse = fixture.gatehouse;
    user = gatehouse.user("framer");
    topic = "frames-" + System.nanoTime();
    try (ActionClient action = gatehouse.connect(user)) {
      action.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false));
    }
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static String connect() {
    return "CONNECT\naccept-version:1.2\nhost:gatehouse\npasscode:" + user.getString("access_token") + "\n\n\0";
  }

  @Test
  @DisplayName("SEND or SUBSCRIBE without a destination, or outside /topic/, gets an ERROR with its receipt-id and a close")
  void badDestinationsAreRefused() throws Exception {
    String[] frames = {"SEND\nreceipt:r1\n\nlost\0", "SEND\ndestination:/queue/x\nreceipt:r1\n\nlost\0",
      "SUBSCRIBE\nid:s1\nreceipt:r1\n\n\0", "SUBSCRIBE\nid:s1\ndestination:/queue/x\nreceipt:r1\n\n\0"};
    for (String frame : frames) {
      try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
        stomp.send(connect() + frame + "DISCONNECT\nreceipt:bye\n\n\0");
        String received = stomp.readUntilClosed();
        assertThat(received).as(frame).contains("CONNECTED").contains("\0ERROR\n").contains("receipt-id:r1")
          .containsAnyOf("destination header is required", "Unknown destination /queue/x")
          .doesNotContain("receipt-id:bye");
      }
    }
  }

  @Test
  @DisplayName("a STOMP version refusal names the versions spoken in a version header")
  void versionRefusal() throws Exception {
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send("CONNECT\naccept-version:2.0,3.1\nreceipt:c1\npasscode:x\n\n\0");
      String received = stomp.readUntilClosed();
      assertThat(received).startsWith("ERROR\n").contains("version:1.0,1.1,1.2").contains("receipt-id:c1");
    }
  }

  @Test
  @DisplayName("STOMP 1.1 and 1.0 clients are answered in their own version")
  void olderVersions() throws Exception {
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send("CONNECT\naccept-version:1.0,1.1\npasscode:" + user.getString("access_token") + "\n\n\0");
      assertThat(stomp.awaitText("\0")).startsWith("CONNECTED\nversion:1.1\n");
    }
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send("CONNECT\npasscode:" + user.getString("access_token") + "\n\n\0"
        + "SUBSCRIBE\ndestination:/topic/" + topic + "\nreceipt:s\n\n\0SEND\ndestination:/topic/" + topic
        + "\n\nten\0");
      String received = stomp.awaitText("\n\nten\0");
      assertThat(received).startsWith("CONNECTED\nversion:1.0\n").contains("subscription:/topic/" + topic);
    }
  }

  @Test
  @DisplayName("frames split at every byte, with a NUL-holding body sized by content-length, arrive whole")
  void bytewiseFramesWithNulBody() throws Exception {
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      Buffer all = Buffer.buffer(connect() + "SUBSCRIBE\nid:s1\ndestination:/topic/" + topic + "\n\n\0"
        + "SEND\ndestination:/topic/" + topic + "\ncontent-length:7\nreceipt:r2\n\n").appendBytes(
          new byte[] {'a', 0, 'b', 0, 'c', 0, 'd'}).appendString("\0");
      for (int i = 0; i < all.length(); i++) {
        stomp.send(all.getBuffer(i, i + 1));
      }
      stomp.awaitText("receipt-id:r2");
      String received = stomp.awaitText("\n\na\0b\0c\0d\0");
      assertThat(received).contains("content-length:7\n").contains("\n\na\0b\0c\0d\0").doesNotContain("ERROR");
    }
  }

  @Test
  @DisplayName("a body longer than its content-length is refused instead of being cut short")
  void bodyLongerThanContentLength() throws Exception {
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send(connect() + "SEND\ndestination:/topic/" + topic + "\ncontent-length:2\n\nabcdef\0");
      assertThat(stomp.readUntilClosed()).contains("ERROR").contains("Body longer than its content-length");
    }
  }

  @Test
  @DisplayName("BEGIN/ABORT drops a transaction's SENDs; COMMIT delivers them; unknown transactions are refused")
  void transactions() throws Exception {
    String destination = "destination:/topic/" + topic + "\n";
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send(connect() + "SUBSCRIBE\nid:s1\n" + destination + "\n\0"
        + "BEGIN\ntransaction:t1\n\n\0SEND\n" + destination + "transaction:t1\n\naborted\0ABORT\ntransaction:t1\n\n\0"
        + "BEGIN\ntransaction:t2\n\n\0SEND\n" + destination + "transaction:t2\n\ncommitted\0"
        + "COMMIT\ntransaction:t2\nreceipt:c\n\n\0SEND\n" + destination + "\nafter\0");
      String received = stomp.awaitText("\n\nafter\0");
      assertThat(received).contains("receipt-id:c").contains("\n\ncommitted\0").doesNotContain("aborted")
        .doesNotContain("ERROR");
      assertThat(received.indexOf("committed")).isLessThan(received.indexOf("\n\nafter"));
      stomp.send("COMMIT\ntransaction:t2\nreceipt:again\n\n\0");
      assertThat(stomp.readUntilClosed()).contains("No open transaction t2").contains("receipt-id:again");
    }
  }
}
