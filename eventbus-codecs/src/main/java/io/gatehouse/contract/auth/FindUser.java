package io.gatehouse.contract.auth;

import io.vertx.core.json.JsonObject;

/** Look a user up by exact username or by id (one of the two); replies {@link UserSummary}, fails NOT_FOUND. */
public record FindUser(String username, String userId) {

  public static FindUser byUsername(String username) {
    return new FindUser(username, null);
  }

  public static FindUser byId(String userId) {
    return new FindUser(null, userId);
  }

  public JsonObject toJson() {
    return new JsonObject().put("username", username).put("userId", userId);
  }

  public static FindUser fromJson(JsonObject json) {
    return new FindUser(json.getString("username"), json.getString("userId"));
  }
}
