package io.gatehouse.gateway.socketio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Socket.IO v5 packets")
class SocketCodecTest {

  @Test
  @DisplayName("a CONNECT names its namespace and carries the auth object")
  void connectWithAuth() {
    SocketPacket packet = SocketCodec.decode("0/chat,{\"token\":\"t\"}", 10);

    assertThat(packet.type()).isEqualTo(SocketPacket.Type.CONNECT);
    assertThat(packet.namespace()).isEqualTo("/chat");
    assertThat(packet.data()).isEqualTo(new JsonObject().put("token", "t"));
    assertThat(SocketCodec.decode("0", 10).namespace()).isEqualTo("/");
  }

  @Test
  @DisplayName("an EVENT carries its ack id, name and argument")
  void eventWithAckId() {
    SocketPacket packet = SocketCodec.decode("2/chat,17[\"send_message\",{\"chat_id\":\"c\"}]", 10);

    assertThat(packet.ackId()).isEqualTo(17);
    assertThat(packet.eventName()).isEqualTo("send_message");
    assertThat(packet.eventArgument()).isEqualTo(new JsonObject().put("chat_id", "c"));
    assertThat(SocketCodec.decode("2[\"x\"]", 10).wantsAck()).isFalse();
  }

  @Test
  @DisplayName("server packets encode as the reference implementation writes them")
  void serverPacketsEncode() {
    assertThat(SocketCodec.encode(SocketPacket.connected("/chat", "s1"))).isEqualTo("0/chat,{\"sid\":\"s1\"}");
    assertThat(SocketCodec.encode(SocketPacket.connectError("/chat", "no"))).isEqualTo("4/chat,{\"message\":\"no\"}");
    assertThat(SocketCodec.encode(SocketPacket.ack("/chat", 3, new JsonObject().put("a", 1)))).isEqualTo("3/chat,3[{\"a\":1}]");
    assertThat(SocketCodec.encode(SocketPacket.event("/", "e", "x"))).isEqualTo("2[\"e\",\"x\"]");
    assertThat(SocketCodec.encode(SocketPacket.disconnect("/chat"))).isEqualTo("1/chat,");
    JsonObject argument = new JsonObject().put("message_id", "m").put("content", "\"quoted\"");
    assertThat(SocketCodec.encode(SocketPacket.event("/chat", EncodedEvent.of("receive_message", argument))))
      .as("an event encoded once for many sockets reads as if encoded per socket")
      .isEqualTo(SocketCodec.encode(SocketPacket.event("/chat", "receive_message", argument)))
      .isEqualTo("2/chat,[\"receive_message\",{\"message_id\":\"m\",\"content\":\"\\\"quoted\\\"\"}]");
  }

  @Test
  @DisplayName("a binary event announces its attachment count")
  void binaryEvent() {
    SocketPacket packet = SocketCodec.decode("51-/chat,4[\"up\",{\"_placeholder\":true,\"num\":0}]", 10);

    assertThat(packet.type()).isEqualTo(SocketPacket.Type.BINARY_EVENT);
    assertThat(packet.attachments()).isEqualTo(1);
    assertThat(packet.ackId()).isEqualTo(4);
  }

  @Test
  @DisplayName("garbage, wrong shapes and unbounded numbers are protocol errors")
  void malformedPacketsAreRefused() {
    for (String garbage : new String[] {"", "7", "x", "2/chat,[1]", "2/chat,[]", "2/chat,{\"a\":1}", "2/chat,[\"e\"",
      "1/chat,{\"x\":1}", "4/chat,{}", "3/chat,[1]", "0/chat,[1]", "5-[\"e\"]", "511-[\"e\"]", "5x-[\"e\"]",
      "21234567890123456[\"e\"]", "2/chat,[\"e\"]trailing", "0/ch\u0001at,"}) {
      assertThatThrownBy(() -> SocketCodec.decode(garbage, 10)).as(garbage).isInstanceOf(ProtocolError.class);
    }
    assertThat(SocketCodec.decode("3/chat,5[]", 10).data()).isEqualTo(new JsonArray());
  }
}
