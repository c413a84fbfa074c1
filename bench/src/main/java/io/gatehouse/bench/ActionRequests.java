package io.gatehouse.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** The client → server frames of the action protocol that the generator sends. */
final class ActionRequests {

  private ActionRequests() {
  }

  static String create(long id, String topic) {
    return new JsonObject().put("action", "create").put("id", id).put("topic_name", topic).put("is_private", false).encode();
  }

  static String subscribe(long id, String topic) {
    return new JsonObject().put("action", "subscribe").put("id", id).put("topic_name", topic).encode();
  }

  static String ping(long id) {
    return new JsonObject().put("action", "ping").put("id", id).encode();
  }

  static String message(String topic, String content) {
    return new JsonObject().put("action", "message").put("topic_name", topic).put("content", content).encode();
  }

  /** Acks keep each id's JSON type (number or string) exactly as the delivery carried it. */
  static String ack(List<Object> messageIds) {
    return new JsonObject().put("action", "ack").put("message_ids", new JsonArray(messageIds)).encode();
  }
}
