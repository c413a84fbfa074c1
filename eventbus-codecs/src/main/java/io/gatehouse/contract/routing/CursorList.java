package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** A user's cursors: per topic, the highest seq acked ({@code afterSeq}), ordered by topic id. */
public record CursorList(List<RangeStart> cursors) {

  public CursorList {
    cursors = List.copyOf(cursors);
  }

  public JsonObject toJson() {
    JsonArray array = new JsonArray();
    cursors.forEach(cursor -> array.add(cursor.toJson()));
    return new JsonObject().put("cursors", array);
  }

  public static CursorList fromJson(JsonObject json) {
    return new CursorList(json.getJsonArray("cursors").stream().map(item -> RangeStart.fromJson((JsonObject) item)).toList());
  }
}
