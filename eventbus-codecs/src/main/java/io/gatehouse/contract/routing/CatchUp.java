package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * What a user has not acked yet in the given topics (normally those MEMBERSHIPS listed); replies a
 * {@link DeliveryBatch} with {@code pending} set on every delivery, ordered by topic id then seq, at most
 * {@code limit} deliveries (capped by the service), {@code more} when there is more to fetch after acking.
 */
public record CatchUp(String userId, List<Long> topicIds, int limit) {

  public CatchUp {
    topicIds = List.copyOf(topicIds);
  }

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("topicIds", new JsonArray(topicIds)).put("limit", limit);
  }

  public static CatchUp fromJson(JsonObject json) {
    List<Long> topicIds = json.getJsonArray("topicIds").stream().map(id -> ((Number) id).longValue()).toList();
    return new CatchUp(json.getString("userId"), topicIds, json.getInteger("limit"));
  }
}
