package io.gatehouse.bench.chat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One Engine.IO v4 text frame from the server, decoded only as far as the chat load acts on it: the packet
 * kind, the ack id and the event name come from the prefix; the payload's fields are read on demand, with
 * Jackson's streaming parser over the frame's own bytes ({@link #fields()}). Never throws on bad input: what
 * does not parse is {@link Kind#MALFORMED}, with a {@link #problem()}.
 */
final class InboundPacket {

  /** What a frame is, as far as a client of namespace {@value #NAMESPACE} cares. */
  enum Kind {
    /** Engine.IO handshake {@code 0{...}}. */
    OPEN,
    /** Engine.IO server ping {@code 2}, answered with a pong at once. */
    PING,
    /** Engine.IO close {@code 1}. */
    CLOSE,
    /** Namespace connected, {@code 40/chat,{"sid":...}}. */
    CONNECT,
    /** Namespace refused, {@code 44/chat,{"message":...}}. */
    CONNECT_ERROR,
    /** Namespace disconnected by the server, {@code 41/chat,}. */
    DISCONNECT,
    /** {@code 42/chat,[ackId]["name",...]}. */
    EVENT,
    /** {@code 43/chat,ackId[...]}. */
    ACK,
    /** Well-formed but of no use here: pongs, noops, binary packets, other namespaces. */
    IGNORED,
    MALFORMED
  }

  static final String NAMESPACE = "/chat";
  static final long NO_ACK = -1;

  private static final JsonFactory JSON = new JsonFactory();
  private static final byte[] NAMESPACE_BYTES = NAMESPACE.getBytes(StandardCharsets.US_ASCII);
  /** An ack id longer than this does not fit in a long; socket.io's own ids are small counters. */
  private static final int MAX_ACK_DIGITS = 18;

  private final Kind kind;
  private final byte[] frame;
  private final long ackId;
  private final String eventName;
  private final int payloadStart;
  private final String problem;

  private InboundPacket(Kind kind, byte[] frame, long ackId, String eventName, int payloadStart, String problem) {
    this.kind = kind;
    this.frame = frame;
    this.ackId = ackId;
    this.eventName = eventName;
    this.payloadStart = payloadStart;
    this.problem = problem;
  }

  static InboundPacket decode(String frame) {
    return decode(frame.getBytes(StandardCharsets.UTF_8));
  }

  static InboundPacket decode(byte[] frame) {
    if (frame.length == 0) {
      return malformed(frame, "empty frame");
    }
    return switch (frame[0]) {
      case '0' -> of(Kind.OPEN, frame, NO_ACK, null, 1);
      case '1' -> of(Kind.CLOSE, frame, NO_ACK, null, 1);
      case '2' -> of(Kind.PING, frame, NO_ACK, null, 1);
      case '3', '5', '6' -> of(Kind.IGNORED, frame, NO_ACK, null, 1);
      case '4' -> socketIo(frame);
      default -> malformed(frame, "unknown Engine.IO packet type");
    };
  }

  private static InboundPacket socketIo(byte[] frame) {
    if (frame.length < 2) {
      return malformed(frame, "Engine.IO message without a Socket.IO packet");
    }
    byte type = frame[1];
    if (type < '0' || type > '6') {
      return malformed(frame, "unknown Socket.IO packet type");
    }
    if (type == '5' || type == '6') {
      return of(Kind.IGNORED, frame, NO_ACK, null, 2);
    }
    if (frame.length <= 2 || frame[2] != '/') {
      return of(Kind.IGNORED, frame, NO_ACK, null, 2);
    }
    int end = indexOf(frame, (byte) ',', 2);
    if (!isChatNamespace(frame, 2, end)) {
      return of(Kind.IGNORED, frame, NO_ACK, null, 2);
    }
    int at = end < frame.length ? end + 1 : end;
    long ackId = NO_ACK;
    int digits = 0;
    while (at < frame.length && frame[at] >= '0' && frame[at] <= '9') {
      if (++digits > MAX_ACK_DIGITS) {
        return malformed(frame, "ack id too long");
      }
      ackId = (ackId == NO_ACK ? 0 : ackId * 10) + (frame[at++] - '0');
    }
    return switch (type) {
      case '0' -> startsWith(frame, at, '{') ? of(Kind.CONNECT, frame, ackId, null, at)
        : malformed(frame, "connect without a JSON object");
      case '1' -> of(Kind.DISCONNECT, frame, ackId, null, at);
      case '2' -> event(frame, ackId, at);
      case '3' -> ackId == NO_ACK || !startsWith(frame, at, '[') ? malformed(frame, "ack without an id and an array")
        : of(Kind.ACK, frame, ackId, null, at);
      default -> of(Kind.CONNECT_ERROR, frame, ackId, null, at);
    };
  }

  /** The name is read by hand when it is a plain string, as every encoder writes it; Jackson otherwise. */
  private static InboundPacket event(byte[] frame, long ackId, int at) {
    if (!startsWith(frame, at, '[')) {
      return malformed(frame, "event without an array");
    }
    if (at + 1 < frame.length && frame[at + 1] == '"') {
      for (int i = at + 2; i < frame.length; i++) {
        if (frame[i] == '"') {
          return of(Kind.EVENT, frame, ackId, new String(frame, at + 2, i - at - 2, StandardCharsets.UTF_8), at);
        }
        if (frame[i] == '\\') {
          break;
        }
      }
    }
    try (JsonParser parser = JSON.createParser(frame, at, frame.length - at)) {
      parser.nextToken();
      return parser.nextToken() == JsonToken.VALUE_STRING
        ? of(Kind.EVENT, frame, ackId, parser.getText(), at)
        : malformed(frame, "event without a name");
    } catch (IOException e) {
      return malformed(frame, "event name does not parse");
    }
  }

  Kind kind() {
    return kind;
  }

  long ackId() {
    return ackId;
  }

  String eventName() {
    return eventName;
  }

  boolean isEvent(String name) {
    return kind == Kind.EVENT && name.equals(eventName);
  }

  String problem() {
    return problem;
  }

  /** The frame from its payload on (the JSON after the namespace and ack id), for error messages. */
  String payloadText() {
    int length = Math.min(frame.length - payloadStart, 200);
    return length <= 0 ? "" : new String(frame, payloadStart, length, StandardCharsets.UTF_8);
  }

  /**
   * The fields of the payload's first object (an event's first argument, an ack's first value); empty
   * fields when there is no object; null when the payload does not parse.
   */
  ChatFields fields() {
    if (kind != Kind.EVENT && kind != Kind.ACK) {
      return null;
    }
    try (JsonParser parser = JSON.createParser(frame, payloadStart, frame.length - payloadStart)) {
      if (parser.nextToken() != JsonToken.START_ARRAY) {
        return null;
      }
      JsonToken first = parser.nextToken();
      if (kind == Kind.EVENT) {
        first = parser.nextToken();
      }
      return first == JsonToken.START_OBJECT ? ChatFields.read(parser) : ChatFields.NONE;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return kind + (problem == null ? "" : " (" + problem + ")") + " "
      + new String(frame, 0, Math.min(frame.length, 120), StandardCharsets.UTF_8);
  }

  private static InboundPacket of(Kind kind, byte[] frame, long ackId, String eventName, int payloadStart) {
    return new InboundPacket(kind, frame, ackId, eventName, payloadStart, null);
  }

  private static InboundPacket malformed(byte[] frame, String problem) {
    return new InboundPacket(Kind.MALFORMED, frame, NO_ACK, null, frame.length, problem);
  }

  private static boolean isChatNamespace(byte[] frame, int from, int end) {
    if (end - from != NAMESPACE_BYTES.length) {
      return false;
    }
    for (int i = 0; i < NAMESPACE_BYTES.length; i++) {
      if (frame[from + i] != NAMESPACE_BYTES[i]) {
        return false;
      }
    }
    return true;
  }

  private static boolean startsWith(byte[] frame, int at, char c) {
    return at < frame.length && frame[at] == c;
  }

  private static int indexOf(byte[] frame, byte b, int from) {
    for (int i = from; i < frame.length; i++) {
      if (frame[i] == b) {
        return i;
      }
    }
    return frame.length;
  }
}
