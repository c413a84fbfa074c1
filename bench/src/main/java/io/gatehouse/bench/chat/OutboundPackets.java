package io.gatehouse.bench.chat;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The text frames the chat load sends, Engine.IO v4 message {@code 4} wrapping Socket.IO v5 packets on
 * {@value InboundPacket#NAMESPACE}, written as socket.io-client writes them (no spaces). The per-message frames
 * are concatenated from a per-pair head, so a send builds one string.
 */
final class OutboundPackets {

  static final String PONG = "3";
  static final String DISCONNECT = "41" + InboundPacket.NAMESPACE + ",";

  private static final String EVENT = "42" + InboundPacket.NAMESPACE + ",";

  private OutboundPackets() {
  }

  /** The namespace CONNECT with the auth payload, {@code 40/chat,{"token":T}}. */
  static String connect(String token) {
    return "40" + InboundPacket.NAMESPACE + ",{\"token\":" + quote(token) + "}";
  }

  static String startPrivateChat(long ackId, String receiverId) {
    return EVENT + ackId + "[\"start_private_chat\",{\"receiver_id\":" + quote(receiverId) + "}]";
  }

  /** What every {@code send_message} of one chat starts with after its ack id, up to the message's first digit. */
  static String sendMessageHead(String chatId) {
    return "[\"send_message\",{\"chat_id\":" + quote(chatId) + ",\"message\":\"";
  }

  /** {@code send_message} whose message is the send time, {@code String(nanoTime)} as the node client sends. */
  static String sendMessage(long ackId, String head, long sentNanos) {
    return new StringBuilder(EVENT.length() + head.length() + 48)
      .append(EVENT).append(ackId).append(head).append(sentNanos).append("\"}]").toString();
  }

  /** {@code receive_message} back to the server, which marks the message seen; sent without an ack id. */
  static String markSeen(String messageId) {
    return EVENT + "[\"receive_message\",{\"message_id\":" + quote(messageId) + "}]";
  }

  /** A JSON string literal; ids and tokens need no escaping, so they are only wrapped in quotes. */
  static String quote(String value) {
    if (value == null) {
      return "null";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c == '"' || c == '\\') {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
      }
    }
    return "\"" + value + "\"";
  }
}
