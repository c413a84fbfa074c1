package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonObject;

/** A message's topic and sequence number. */
public record MessagePosition(long topicId, long seq) {

  public JsonObject toJson() {
    return new JsonObject().put("topicId", topicId).put("seq", seq);
  }

  public static MessagePosition fromJson(JsonObject json) {
    return new MessagePosition(json.getLong("topicId"), json.getLong("seq"));
  }
}
