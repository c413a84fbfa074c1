package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonObject;

/** A message's topic and sequence number, and who sent it. */
public record MessagePosition(long topicId, long seq, String senderId) {

  public JsonObject toJson() {
    return new JsonObject().put("topicId", topicId).put("seq", seq).put("senderId", senderId);
  }

  public static MessagePosition fromJson(JsonObject json) {
    return new MessagePosition(json.getLong("topicId"), json.getLong("seq"), json.getString("senderId"));
  }
}
