package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** Every topic a user is a member of, their inbox included, ordered by topic id. */
public record TopicList(List<TopicRef> topics) {

  public TopicList {
    topics = List.copyOf(topics);
  }

  public JsonObject toJson() {
    JsonArray array = new JsonArray();
    topics.forEach(topic -> array.add(topic.toJson()));
    return new JsonObject().put("topics", array);
  }

  public static TopicList fromJson(JsonObject json) {
    return new TopicList(json.getJsonArray("topics").stream().map(item -> TopicRef.fromJson((JsonObject) item)).toList());
  }
}
