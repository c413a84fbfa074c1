package io.gatehouse.gateway.chat;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * How a chat message's {@code type} and {@code content} are kept in the one content column of the topic
 * log: a small JSON object {@code {"type":T,"content":C}}. Only the chat writes CHAT topics; content that is
 * not such an object (never written by the chat) reads as text.
 */
record ChatContent(String type, String content) {

  static final String TEXT = "text";

  String encode() {
    return new JsonObject().put("type", type).put("content", content).encode();
  }

  static ChatContent decode(String stored) {
    if (stored != null && stored.startsWith("{")) {
      try {
        JsonObject json = new JsonObject(stored);
        if (json.getValue("content") instanceof String content) {
          return new ChatContent(json.getValue("type") instanceof String type ? type : TEXT, content);
        }
      } catch (DecodeException e) {
        // plain text that happens to start with a brace
      }
    }
    return new ChatContent(TEXT, stored);
  }
}
