package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonObject;

/** Ask which messages of a topic a user acknowledged one by one beyond its cursor; replies {@link AckedAhead}. */
public record AheadQuery(String userId, long topicId) {

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("topicId", topicId);
  }

  public static AheadQuery fromJson(JsonObject json) {
    return new AheadQuery(json.getString("userId"), json.getLong("topicId"));
  }
}
