package io.gatehouse.bench.chat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import io.gatehouse.bench.chat.InboundPacket.Kind;
import io.vertx.core.json.JsonArray;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The Engine.IO v4 / Socket.IO v5 frames the Java chat load reads and writes. */
class SocketIoPacketsTest {

  @Test
  @DisplayName("the Engine.IO open, ping and close packets are recognised; a pong is answered with nothing")
  void engineIoPackets() {
    assertThat(InboundPacket.decode("0{\"sid\":\"e1\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000}")
      .kind()).isEqualTo(Kind.OPEN);
    assertThat(InboundPacket.decode("2").kind()).isEqualTo(Kind.PING);
    assertThat(InboundPacket.decode("1").kind()).isEqualTo(Kind.CLOSE);
    assertThat(InboundPacket.decode("3").kind()).isEqualTo(Kind.IGNORED);
    assertThat(InboundPacket.decode("6").kind()).isEqualTo(Kind.IGNORED);
    assertThat(OutboundPackets.PONG).isEqualTo("3");
  }

  @Test
  @DisplayName("a namespace connect is recognised, and a connect error carries the server's message")
  void connectAndConnectError() {
    assertThat(InboundPacket.decode("40/chat,{\"sid\":\"s1\"}").kind()).isEqualTo(Kind.CONNECT);
    InboundPacket refused = InboundPacket.decode("44/chat,{\"message\":\"Unauthorized\"}");
    assertThat(refused.kind()).isEqualTo(Kind.CONNECT_ERROR);
    assertThat(refused.payloadText()).contains("Unauthorized");
    assertThat(InboundPacket.decode("41/chat,").kind()).isEqualTo(Kind.DISCONNECT);
  }

  @Test
  @DisplayName("a receive_message event yields its name and the fields the loop reads, whatever else it carries")
  void receiveMessageEvent() {
    InboundPacket event = InboundPacket.decode("42/chat,[\"receive_message\",{\"message_id\":\"m1\",\"chat_id\":\"c1\","
      + "\"sender_id\":\"u1\",\"content\":\"123456789\",\"type\":\"text\",\"timestamp\":\"2025-01-01T00:00:00Z\","
      + "\"extra\":{\"nested\":[1,{\"message_id\":\"not this one\"}]}}]");

    assertThat(event.kind()).isEqualTo(Kind.EVENT);
    assertThat(event.isEvent("receive_message")).isTrue();
    assertThat(event.ackId()).isEqualTo(InboundPacket.NO_ACK);
    assertThat(event.fields()).isEqualTo(new ChatFields("m1", "c1", "u1", "123456789", false, false));
  }

  @Test
  @DisplayName("pending is read with JavaScript truthiness, and an escaped event name still decodes")
  void pendingAndEscapedName() {
    assertThat(InboundPacket.decode("42/chat,[\"receive_message\",{\"pending\":true}]").fields().pending()).isTrue();
    assertThat(InboundPacket.decode("42/chat,[\"receive_message\",{\"pending\":false}]").fields().pending()).isFalse();
    assertThat(InboundPacket.decode("42/chat,[\"receive_message\",{\"pending\":0}]").fields().pending()).isFalse();
    InboundPacket escaped = InboundPacket.decode("42/chat,[\"receive_\\u006dessage\",{\"sender_id\":\"u\"}]");
    assertThat(escaped.eventName()).isEqualTo("receive_message");
    assertThat(escaped.fields().senderId()).isEqualTo("u");
  }

  @Test
  @DisplayName("an event may carry an ack id between the namespace and its array")
  void eventWithAckId() {
    InboundPacket event = InboundPacket.decode("42/chat,17[\"message_received\",{\"message_id\":\"m\"}]");
    assertThat(event.isEvent("message_received")).isTrue();
    assertThat(event.ackId()).isEqualTo(17);
  }

  @Test
  @DisplayName("acks yield their id and their first value's fields; an error field marks the ack failed")
  void acks() {
    InboundPacket sent = InboundPacket.decode("43/chat,12[{\"message_id\":\"m1\"}]");
    assertThat(sent.kind()).isEqualTo(Kind.ACK);
    assertThat(sent.ackId()).isEqualTo(12);
    assertThat(sent.fields().messageId()).isEqualTo("m1");
    assertThat(sent.fields().error()).isFalse();

    assertThat(InboundPacket.decode("43/chat,3[{\"error\":\"not_found\"}]").fields().error()).isTrue();
    assertThat(InboundPacket.decode("43/chat,4[{\"chat_id\":\"c9\"}]").fields().chatId()).isEqualTo("c9");
    assertThat(InboundPacket.decode("43/chat,5[]").fields()).isEqualTo(ChatFields.NONE);
  }

  @ParameterizedTest
  @ValueSource(strings = {"42/other,[\"receive_message\",{}]", "42[\"receive_message\",{}]", "40/chatroom,{}",
    "40", "451-/chat,[\"x\",{\"_placeholder\":true,\"num\":0}]"})
  @DisplayName("other namespaces and binary packets are ignored")
  void otherNamespacesAreIgnored(String frame) {
    assertThat(InboundPacket.decode(frame).kind()).isEqualTo(Kind.IGNORED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "x", "garbage", "4", "49", "42/chat,abc[\"receive_message\",{}]",
    "43/chat,[{\"message_id\":\"m\"}]", "43/chat,x7[{}]", "42/chat,", "42/chat,[", "42/chat,[123]", "42/chat,{}",
    "40/chat,", "43/chat,1234567890123456789012[{}]"})
  @DisplayName("garbage, a non-numeric or missing ack id and payloads that are not arrays are malformed")
  void malformedFrames(String frame) {
    InboundPacket packet = InboundPacket.decode(frame);
    assertThat(packet.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(packet.problem()).isNotBlank();
    assertThat(packet.fields()).isNull();
  }

  @Test
  @DisplayName("a truncated payload decodes to a packet whose fields are null instead of an exception")
  void truncatedPayload() {
    InboundPacket event = InboundPacket.decode("42/chat,[\"receive_message\",{\"message_id\":\"m1\",\"sender_");
    assertThat(event.isEvent("receive_message")).isTrue();
    assertThat(event.fields()).isNull();
    assertThat(InboundPacket.decode("43/chat,2[{\"error\":").fields()).isNull();
  }

  @Test
  @DisplayName("no prefix of a real frame, and no random bytes, make decoding or reading fields throw")
  void neverThrows() {
    byte[] real = ("42/chat,[\"receive_message\",{\"message_id\":\"m1\",\"sender_id\":\"u1\",\"content\":\"12\","
      + "\"pending\":true,\"x\":[{\"y\":null}]}]").getBytes(StandardCharsets.UTF_8);
    Random random = new Random(42);
    for (int length = 0; length <= real.length; length++) {
      byte[] prefix = Arrays.copyOf(real, length);
      assertThatCode(() -> readEverything(prefix)).as("prefix of %d bytes", length).doesNotThrowAnyException();
    }
    for (int i = 0; i < 2_000; i++) {
      byte[] noise = new byte[random.nextInt(40)];
      random.nextBytes(noise);
      if (noise.length > 1 && i % 2 == 0) {
        noise[0] = '4';
        noise[1] = (byte) ('0' + random.nextInt(7));
      }
      assertThatCode(() -> readEverything(noise)).doesNotThrowAnyException();
    }
  }

  @Test
  @DisplayName("outbound frames are what socket.io-client writes, with JSON that parses")
  void outboundFrames() throws Exception {
    assertThat(OutboundPackets.connect("T1")).isEqualTo("40/chat,{\"token\":\"T1\"}");
    assertThat(OutboundPackets.startPrivateChat(1, "u2"))
      .isEqualTo("42/chat,1[\"start_private_chat\",{\"receiver_id\":\"u2\"}]");
    String send = OutboundPackets.sendMessage(42, OutboundPackets.sendMessageHead("c1"), 123456789L);
    assertThat(send).isEqualTo("42/chat,42[\"send_message\",{\"chat_id\":\"c1\",\"message\":\"123456789\"}]");
    assertThat(OutboundPackets.markSeen("m1")).isEqualTo("42/chat,[\"receive_message\",{\"message_id\":\"m1\"}]");

    String odd = "a\"b\\c\nd";
    String connect = OutboundPackets.connect(odd);
    assertThat(new io.vertx.core.json.JsonObject(connect.substring("40/chat,".length())).getString("token"))
      .isEqualTo(odd);
    assertThat(new JsonArray(send.substring("42/chat,42".length())).getJsonObject(1).getString("message"))
      .isEqualTo("123456789");
    try (JsonParser parser = new JsonFactory().createParser(OutboundPackets.markSeen(odd).substring(8))) {
      while (parser.nextToken() != null) {
        assertThat(parser.currentToken()).isNotNull();
      }
    }
  }

  @Test
  @DisplayName("what the loop sends is read back the way the server's echo of it would be")
  void roundTrip() {
    String send = OutboundPackets.sendMessage(9, OutboundPackets.sendMessageHead("c1"), -5L);
    InboundPacket echoed = InboundPacket.decode(send);
    assertThat(echoed.isEvent("send_message")).isTrue();
    assertThat(echoed.ackId()).isEqualTo(9);
    assertThat(echoed.fields().chatId()).isEqualTo("c1");
  }

  private static void readEverything(byte[] frame) {
    InboundPacket packet = InboundPacket.decode(frame);
    packet.fields();
    packet.payloadText();
    packet.toString();
    packet.isEvent("receive_message");
  }
}
