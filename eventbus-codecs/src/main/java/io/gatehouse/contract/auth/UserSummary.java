package io.gatehouse.contract.auth;

import io.vertx.core.json.JsonObject;

/** The public face of a user. */
public record UserSummary(String userId, String username) {

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("username", username);
  }

  public static UserSummary fromJson(JsonObject json) {
    return new UserSummary(json.getString("userId"), json.getString("username"));
  }
}
