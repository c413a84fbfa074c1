package io.gatehouse.gateway.socketio;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Engine.IO v4 packets and polling payloads")
class EngineCodecTest {

  @Test
  @DisplayName("a payload splits on the record separator into text and base64 binary packets")
  void payloadSplitsIntoPackets() {
    List<EnginePacket> packets = EngineCodec.decodePayload("4hello\u001e3\u001ebAQID\u001e2probe", 10);

    assertThat(packets).extracting(EnginePacket::type).containsExactly(EnginePacket.Type.MESSAGE,
      EnginePacket.Type.PONG, EnginePacket.Type.MESSAGE, EnginePacket.Type.PING);
    assertThat(packets.get(0).text()).isEqualTo("hello");
    assertThat(packets.get(2).binary()).isEqualTo(Buffer.buffer(new byte[] {1, 2, 3}));
    assertThat(packets.get(3).text()).isEqualTo("probe");
  }

  @Test
  @DisplayName("encoding a payload joins packets the same way, binary as base64")
  void payloadEncodes() {
    String payload = EngineCodec.encodePayload(List.of(EnginePacket.message("40/chat,{}"), EnginePacket.PING,
      EnginePacket.binaryMessage(Buffer.buffer(new byte[] {1, 2, 3}))));

    assertThat(payload).isEqualTo("440/chat,{}\u001e2\u001ebAQID");
    assertThat(EngineCodec.decodePayload(payload, 3)).hasSize(3);
  }

  @Test
  @DisplayName("garbage types, empty packets, an open from a client, bad base64 and too many packets are protocol errors")
  void garbageIsRefused() {
    assertThatThrownBy(() -> EngineCodec.decode("9")).isInstanceOf(ProtocolError.class);
    assertThatThrownBy(() -> EngineCodec.decode("x4hello")).isInstanceOf(ProtocolError.class);
    assertThatThrownBy(() -> EngineCodec.decode("")).isInstanceOf(ProtocolError.class);
    assertThatThrownBy(() -> EngineCodec.decode("0{}")).isInstanceOf(ProtocolError.class);
    assertThatThrownBy(() -> EngineCodec.decode("b!!!")).isInstanceOf(ProtocolError.class);
    assertThatThrownBy(() -> EngineCodec.decodePayload("4a\u001e\u001e4b", 10)).isInstanceOf(ProtocolError.class);
    assertThatThrownBy(() -> EngineCodec.decodePayload("3\u001e3\u001e3", 2)).isInstanceOf(ProtocolError.class);
  }
}
