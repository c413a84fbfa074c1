package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonObject;

/** A topic as the services name it: its id (used in delivery addresses and cursors), name and kind. */
public record TopicRef(long topicId, String name, TopicKind kind) {

  public JsonObject toJson() {
    return new JsonObject().put("topicId", topicId).put("name", name).put("kind", kind.name());
  }

  public static TopicRef fromJson(JsonObject json) {
    return new TopicRef(json.getLong("topicId"), json.getString("name"), TopicKind.valueOf(json.getString("kind")));
  }
}
