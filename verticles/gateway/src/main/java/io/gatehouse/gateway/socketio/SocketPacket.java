package io.gatehouse.gateway.socketio;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * One Socket.IO v5 packet: {@code <type>[<attachments>-][<namespace>,][<ack id>][<JSON>]}. {@code ackId} is
 * -1 when absent; {@code data} is null, a {@link JsonObject} or a {@link JsonArray}.
 */
public record SocketPacket(Type type, String namespace, long ackId, Object data, int attachments) {

  public static final String ROOT = "/";

  /** The packet types and their wire digits. */
  public enum Type {
    CONNECT, DISCONNECT, EVENT, ACK, CONNECT_ERROR, BINARY_EVENT, BINARY_ACK;

    char digit() {
      return (char) ('0' + ordinal());
    }

    boolean binary() {
      return this == BINARY_EVENT || this == BINARY_ACK;
    }
  }

  public static SocketPacket connected(String namespace, String sid) {
    return new SocketPacket(Type.CONNECT, namespace, -1, new JsonObject().put("sid", sid), 0);
  }

  public static SocketPacket connectError(String namespace, String message) {
    return new SocketPacket(Type.CONNECT_ERROR, namespace, -1, new JsonObject().put("message", message), 0);
  }

  public static SocketPacket disconnect(String namespace) {
    return new SocketPacket(Type.DISCONNECT, namespace, -1, null, 0);
  }

  public static SocketPacket event(String namespace, String name, Object argument) {
    return new SocketPacket(Type.EVENT, namespace, -1, new JsonArray().add(name).add(argument), 0);
  }

  /** An outgoing event whose data is already encoded. */
  public static SocketPacket event(String namespace, EncodedEvent event) {
    return new SocketPacket(Type.EVENT, namespace, -1, event, 0);
  }

  public static SocketPacket ack(String namespace, long ackId, Object argument) {
    return new SocketPacket(Type.ACK, namespace, ackId, new JsonArray().add(argument), 0);
  }

  public boolean wantsAck() {
    return ackId >= 0;
  }

  /** The event name of an EVENT or BINARY_EVENT packet. */
  public String eventName() {
    return ((JsonArray) data).getString(0);
  }

  /** The first argument after the event name, or null. */
  public Object eventArgument() {
    JsonArray array = (JsonArray) data;
    return array.size() > 1 ? array.getValue(1) : null;
  }
}
