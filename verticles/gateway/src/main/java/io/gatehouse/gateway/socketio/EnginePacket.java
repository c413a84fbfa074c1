package io.gatehouse.gateway.socketio;

import io.vertx.core.buffer.Buffer;

/**
 * One Engine.IO v4 packet: a type and either text data or, for binary messages, bytes. On the WebSocket a
 * text frame is {@code <type digit><data>} and a binary frame is a binary message; in a polling payload
 * packets are separated by the record separator and binary messages travel as {@code b<base64>}.
 */
public record EnginePacket(Type type, String text, Buffer binary) {

  /** The packet types and their wire digits. */
  public enum Type {
    OPEN, CLOSE, PING, PONG, MESSAGE, UPGRADE, NOOP;

    char digit() {
      return (char) ('0' + ordinal());
    }
  }

  public static final EnginePacket PING = new EnginePacket(Type.PING, "", null);
  public static final EnginePacket PONG_PROBE = new EnginePacket(Type.PONG, "probe", null);
  public static final EnginePacket NOOP = new EnginePacket(Type.NOOP, "", null);
  public static final EnginePacket CLOSE = new EnginePacket(Type.CLOSE, "", null);

  public static EnginePacket message(String text) {
    return new EnginePacket(Type.MESSAGE, text, null);
  }

  public static EnginePacket binaryMessage(Buffer bytes) {
    return new EnginePacket(Type.MESSAGE, null, bytes);
  }

  public boolean isBinary() {
    return binary != null;
  }

  /** The bytes this packet takes on the wire of a text frame or payload (binary: its base64 form). */
  public int wireLength() {
    return isBinary() ? 1 + (binary.length() + 2) / 3 * 4 : 1 + text.length();
  }
}
