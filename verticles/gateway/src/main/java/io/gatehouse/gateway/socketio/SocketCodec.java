package io.gatehouse.gateway.socketio;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Strict, bounded Socket.IO v5 packet encoding. A packet that is not exactly what a client may send is a
 * {@link ProtocolError}; the session is then closed, as the reference server does on a parse error.
 */
public final class SocketCodec {

  /** Longest namespace name accepted. */
  public static final int MAX_NAMESPACE_LENGTH = 128;
  /** Ack ids stay within the integers JavaScript represents exactly. */
  private static final int MAX_ACK_DIGITS = 15;

  private SocketCodec() {
  }

  public static SocketPacket decode(String text, int maxAttachments) {
    if (text.isEmpty() || text.charAt(0) < '0' || text.charAt(0) > '6') {
      throw new ProtocolError("unknown socket.io packet type");
    }
    SocketPacket.Type type = SocketPacket.Type.values()[text.charAt(0) - '0'];
    if (type == SocketPacket.Type.CONNECT_ERROR) {
      throw new ProtocolError("CONNECT_ERROR from a client");
    }
    int pos = 1;
    int attachments = 0;
    if (type.binary()) {
      int dash = text.indexOf('-', pos);
      if (dash < 0 || dash == pos || dash - pos > 4) {
        throw new ProtocolError("bad attachment count");
      }
      attachments = digits(text, pos, dash);
      if (attachments < 1 || attachments > maxAttachments) {
        throw new ProtocolError("attachment count out of bounds");
      }
      pos = dash + 1;
    }
    String namespace = SocketPacket.ROOT;
    if (pos < text.length() && text.charAt(pos) == '/') {
      int comma = text.indexOf(',', pos);
      int end = comma < 0 ? text.length() : comma;
      namespace = namespace(text.substring(pos, end));
      pos = comma < 0 ? end : comma + 1;
    }
    int ackStart = pos;
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos - ackStart > MAX_ACK_DIGITS) {
      throw new ProtocolError("ack id too long");
    }
    long ackId = pos > ackStart ? Long.parseLong(text.substring(ackStart, pos)) : -1;
    Object data = pos < text.length() ? json(text.substring(pos)) : null;
    SocketPacket packet = new SocketPacket(type, namespace, ackId, data, attachments);
    check(packet);
    return packet;
  }

  public static String encode(SocketPacket packet) {
    StringBuilder out = new StringBuilder().append(packet.type().digit());
    if (packet.type().binary()) {
      out.append(packet.attachments()).append('-');
    }
    if (!SocketPacket.ROOT.equals(packet.namespace())) {
      out.append(packet.namespace()).append(',');
    }
    if (packet.ackId() >= 0) {
      out.append(packet.ackId());
    }
    if (packet.data() instanceof EncodedEvent encoded) {
      out.append(encoded.json());
    } else if (packet.data() != null) {
      out.append(Json.encode(packet.data()));
    }
    return out.toString();
  }

  private static void check(SocketPacket packet) {
    Object data = packet.data();
    boolean valid = switch (packet.type()) {
      case CONNECT -> data == null || data instanceof JsonObject;
      case DISCONNECT -> data == null;
      case EVENT, BINARY_EVENT -> data instanceof JsonArray array && !array.isEmpty()
        && array.getValue(0) instanceof String;
      case ACK, BINARY_ACK -> data instanceof JsonArray && packet.wantsAck();
      case CONNECT_ERROR -> false;
    };
    if (!valid || (packet.type() != SocketPacket.Type.EVENT && packet.type() != SocketPacket.Type.BINARY_EVENT
      && packet.type() != SocketPacket.Type.ACK && packet.type() != SocketPacket.Type.BINARY_ACK && packet.wantsAck())) {
      throw new ProtocolError("malformed " + packet.type() + " packet");
    }
  }

  private static String namespace(String name) {
    if (name.length() > MAX_NAMESPACE_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
      throw new ProtocolError("bad namespace");
    }
    return name;
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        throw new ProtocolError("bad attachment count");
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static Object json(String text) {
    try {
      return Json.decodeValue(text);
    } catch (DecodeException e) {
      throw new ProtocolError("bad JSON");
    }
  }
}
