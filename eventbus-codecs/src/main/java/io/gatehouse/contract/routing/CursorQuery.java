package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonObject;

/** Ask for one user's cursors; replies {@link CursorList} with that user's cursors only. */
public record CursorQuery(String userId) {

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId);
  }

  public static CursorQuery fromJson(JsonObject json) {
    return new CursorQuery(json.getString("userId"));
  }
}
