package io.gatehouse.bench.chat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * The few fields the chat load reads from an event argument or an ack value; everything else is skipped.
 * {@code pending} and {@code error} are JavaScript truthiness, as chat-load.mjs tests them.
 */
record ChatFields(String messageId, String chatId, String senderId, String content, boolean pending,
                  boolean error) {

  static final ChatFields NONE = new ChatFields(null, null, null, null, false, false);

  /** Reads the object whose START_OBJECT the parser is on, to its end; fails on truncated input. */
  static ChatFields read(JsonParser parser) throws IOException {
    String messageId = null;
    String chatId = null;
    String senderId = null;
    String content = null;
    boolean pending = false;
    boolean error = false;
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
      if (token != JsonToken.FIELD_NAME) {
        throw new IOException("expected a field name, got " + token);
      }
      String name = parser.currentName();
      JsonToken value = parser.nextToken();
      if (value == null) {
        throw new IOException("input ends inside the object");
      }
      switch (name) {
        case "message_id" -> messageId = scalar(parser, value);
        case "chat_id" -> chatId = scalar(parser, value);
        case "sender_id" -> senderId = scalar(parser, value);
        case "content" -> content = scalar(parser, value);
        case "pending" -> pending = truthy(parser, value);
        case "error" -> error = truthy(parser, value);
        default -> parser.skipChildren();
      }
    }
    return new ChatFields(messageId, chatId, senderId, content, pending, error);
  }

  private static String scalar(JsonParser parser, JsonToken value) throws IOException {
    if (value.isScalarValue()) {
      return value == JsonToken.VALUE_NULL ? null : parser.getText();
    }
    parser.skipChildren();
    return null;
  }

  private static boolean truthy(JsonParser parser, JsonToken value) throws IOException {
    return switch (value) {
      case VALUE_TRUE -> true;
      case VALUE_STRING -> !parser.getText().isEmpty();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDoubleValue() != 0;
      case START_OBJECT, START_ARRAY -> {
        parser.skipChildren();
        yield true;
      }
      default -> false;
    };
  }
}
