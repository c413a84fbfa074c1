package io.gatehouse.gateway.socketio;

import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Strict Engine.IO v4 packet and polling-payload encoding. Anything malformed is a {@link ProtocolError}. */
public final class EngineCodec {

  /** Separates packets in a polling payload. */
  public static final char SEPARATOR = '\u001e';

  private EngineCodec() {
  }

  /** A text WebSocket frame or one packet of a payload. */
  public static EnginePacket decode(String text) {
    if (text.isEmpty()) {
      throw new ProtocolError("empty packet");
    }
    char first = text.charAt(0);
    if (first == 'b') {
      try {
        return EnginePacket.binaryMessage(Buffer.buffer(Base64.getDecoder().decode(text.substring(1))));
      } catch (IllegalArgumentException e) {
        throw new ProtocolError("bad base64 in binary packet");
      }
    }
    if (first < '0' || first > '6') {
      throw new ProtocolError("unknown packet type");
    }
    EnginePacket.Type type = EnginePacket.Type.values()[first - '0'];
    if (type == EnginePacket.Type.OPEN) {
      throw new ProtocolError("open packet from a client");
    }
    return new EnginePacket(type, text.substring(1), null);
  }

  /** A polling POST body: one or more packets separated by {@link #SEPARATOR}, at most {@code maxPackets}. */
  public static List<EnginePacket> decodePayload(String payload, int maxPackets) {
    List<EnginePacket> packets = new ArrayList<>();
    int start = 0;
    while (start <= payload.length()) {
      int end = payload.indexOf(SEPARATOR, start);
      if (end < 0) {
        end = payload.length();
      }
      if (packets.size() == maxPackets) {
        throw new ProtocolError("too many packets in one payload");
      }
      packets.add(decode(payload.substring(start, end)));
      start = end + 1;
    }
    return packets;
  }

  /** A text WebSocket frame of a non-binary packet. */
  public static String encode(EnginePacket packet) {
    if (packet.isBinary()) {
      return "b" + Base64.getEncoder().encodeToString(packet.binary().getBytes());
    }
    return packet.type().digit() + packet.text();
  }

  /** A polling GET body: the packets joined by {@link #SEPARATOR}, binary ones as base64. */
  public static String encodePayload(List<EnginePacket> packets) {
    StringBuilder out = new StringBuilder();
    for (EnginePacket packet : packets) {
      if (out.length() > 0) {
        out.append(SEPARATOR);
      }
      out.append(encode(packet));
    }
    return out.toString();
  }
}
