package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Read the logs of several topics after given positions, on behalf of {@code userId}; replies a
 * {@link DeliveryBatch} ordered by topic id then seq, at most {@code limit} deliveries in all, with
 * {@code more} set when it was cut short. Topics the user is not a member of are skipped silently, so a
 * caller can never read other users' messages through it.
 */
public record ReadRange(String userId, List<RangeStart> starts, int limit) {

  public ReadRange {
    starts = List.copyOf(starts);
  }

  public JsonObject toJson() {
    JsonArray array = new JsonArray();
    starts.forEach(start -> array.add(start.toJson()));
    return new JsonObject().put("userId", userId).put("starts", array).put("limit", limit);
  }

  public static ReadRange fromJson(JsonObject json) {
    List<RangeStart> starts = json.getJsonArray("starts").stream()
      .map(item -> RangeStart.fromJson((JsonObject) item))
      .toList();
    return new ReadRange(json.getString("userId"), starts, json.getInteger("limit"));
  }
}
