package io.gatehouse.gateway.chat;

import io.gatehouse.contract.routing.ChatRef;
import io.gatehouse.contract.routing.Delivery;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** The JSON of the chat's server events and of history entries (PROTOCOLS §2). */
final class ChatEvents {

  static final String RECEIVE_MESSAGE = "receive_message";
  static final String ROOM_CREATED = "private_chat_room_created";
  static final String MESSAGE_RECEIVED = "message_received";
  static final String CHAT_ERROR = "chat_error";

  private ChatEvents() {
  }

  /** A {@code receive_message} event; {@code pending} marks one stored while the member was away. */
  static JsonObject message(Delivery delivery) {
    ChatContent content = ChatContent.decode(delivery.content());
    JsonObject event = new JsonObject()
      .put("message_id", delivery.messageId())
      .put("chat_id", ChatRef.chatIdOf(delivery.topicName()))
      .put("sender_id", delivery.senderId())
      .put("content", content.content())
      .put("type", content.type())
      .put("timestamp", Instant.ofEpochMilli(delivery.sentAt()).toString());
    return delivery.pending() ? event.put("pending", true) : event;
  }

  /** One entry of {@code user_messages} in a history page. */
  static JsonObject historyEntry(Delivery delivery) {
    ChatContent content = ChatContent.decode(delivery.content());
    return new JsonObject().put("message_id", delivery.messageId()).put("content", content.content())
      .put("type", content.type()).put("sender_id", delivery.senderId())
      .put("timestamp", Instant.ofEpochMilli(delivery.sentAt()).toString());
  }

  static JsonObject roomCreated(String chatId) {
    return new JsonObject().put("chat_id", chatId);
  }

  static JsonObject received(String messageId) {
    return new JsonObject().put("message", "Message received successfully").put("message_id", messageId);
  }

  /** The answer to a refused event: in its ack when one was asked for, else as a {@code chat_error} event. */
  static JsonObject error(String event, String code, String message) {
    return new JsonObject().put("event", event).put("error", code).put("message", message);
  }
}
