package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonObject;

/**
 * A user acknowledges a topic's log up to {@code seq}; replies {@link Acked} once stored. Acks are
 * CUMULATIVE per topic: acking seq N acknowledges every message of that topic with seq &lt;= N, and a
 * cursor never moves backwards (cursor = max(cursor, N)). Negative seqs fail BAD_REQUEST
 * {@code invalid_request}.
 */
public record Ack(String userId, long topicId, long seq) {

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("topicId", topicId).put("seq", seq);
  }

  public static Ack fromJson(JsonObject json) {
    return new Ack(json.getString("userId"), json.getLong("topicId"), json.getLong("seq"));
  }
}
