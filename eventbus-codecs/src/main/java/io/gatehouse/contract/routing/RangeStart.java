package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonObject;

/** A position in one topic's log: everything after {@code afterSeq}; also a cursor (the last acked seq). */
public record RangeStart(long topicId, long afterSeq) {

  public JsonObject toJson() {
    return new JsonObject().put("topicId", topicId).put("afterSeq", afterSeq);
  }

  public static RangeStart fromJson(JsonObject json) {
    return new RangeStart(json.getLong("topicId"), json.getLong("afterSeq"));
  }
}
