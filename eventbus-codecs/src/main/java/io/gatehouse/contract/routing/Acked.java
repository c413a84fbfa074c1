package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonObject;

/** The user's cursor in a topic after an ack: the highest seq acked so far. */
public record Acked(long topicId, long cursor) {

  public JsonObject toJson() {
    return new JsonObject().put("topicId", topicId).put("cursor", cursor);
  }

  public static Acked fromJson(JsonObject json) {
    return new Acked(json.getLong("topicId"), json.getLong("cursor"));
  }
}
