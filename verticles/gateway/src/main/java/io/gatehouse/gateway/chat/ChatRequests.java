package io.gatehouse.gateway.chat;

import io.gatehouse.contract.ids.UuidText;
import io.vertx.core.json.JsonObject;

import java.util.Locale;

/** Reads the client events' arguments strictly; a field that is missing or of the wrong shape is {@link Invalid}. */
final class ChatRequests {

  /** A client event argument that does not have the documented shape. */
  static final class Invalid extends RuntimeException {
    Invalid(String message) {
      super(message, null, false, false);
    }
  }

  record StartChat(String peerId) {
  }

  record SendMessage(String chatId, String content, String type) {
  }

  private ChatRequests() {
  }

  /** {@code start_private_chat}: {@code {receiver_id}} or seed 003's {@code {user2_id}}. */
  static StartChat startChat(Object argument) {
    JsonObject json = object(argument);
    Object peer = json.containsKey("receiver_id") ? json.getValue("receiver_id") : json.getValue("user2_id");
    return new StartChat(uuid(peer, "receiver_id"));
  }

  /** {@code send_message}: {@code {chat_id, message | content, type?}}. */
  static SendMessage sendMessage(Object argument, int maxTypeChars) {
    JsonObject json = object(argument);
    String chatId = uuid(json.getValue("chat_id"), "chat_id");
    Object content = json.containsKey("message") ? json.getValue("message") : json.getValue("content");
    if (!(content instanceof String text)) {
      throw new Invalid("message must be a string");
    }
    Object type = json.getValue("type");
    if (type != null && !(type instanceof String given && !given.isBlank() && given.length() <= maxTypeChars)) {
      throw new Invalid("type must be a short string");
    }
    return new SendMessage(chatId, text, type == null ? ChatContent.TEXT : (String) type);
  }

  /** {@code receive_message}: {@code {message_id}}. */
  static String messageId(Object argument) {
    return uuid(object(argument).getValue("message_id"), "message_id");
  }

  private static JsonObject object(Object argument) {
    if (argument instanceof JsonObject json) {
      return json;
    }
    throw new Invalid("the event argument must be an object");
  }

  private static String uuid(Object value, String field) {
    if (value instanceof String text && UuidText.isCanonical(text)) {
      return text.toLowerCase(Locale.ROOT);
    }
    throw new Invalid(field + " must be a UUID");
  }
}
