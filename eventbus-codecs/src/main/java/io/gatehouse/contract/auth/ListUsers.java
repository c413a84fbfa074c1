package io.gatehouse.contract.auth;

import io.vertx.core.json.JsonObject;

/** A page of users ordered by username, starting after {@code after} (exclusive, may be null); replies {@link UserPage}. */
public record ListUsers(int limit, String after) {

  public JsonObject toJson() {
    return new JsonObject().put("limit", limit).put("after", after);
  }

  public static ListUsers fromJson(JsonObject json) {
    return new ListUsers(json.getInteger("limit"), json.getString("after"));
  }
}
