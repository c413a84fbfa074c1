package io.gatehouse.contract.auth;

import io.vertx.core.json.JsonObject;

/** A user and a freshly issued access token. */
public record UserSession(String userId, String username, String accessToken) {

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("username", username).put("accessToken", accessToken);
  }

  public static UserSession fromJson(JsonObject json) {
    return new UserSession(json.getString("userId"), json.getString("username"), json.getString("accessToken"));
  }

  @Override
  public String toString() {
    return "UserSession[userId=" + userId + ", username=" + username + "]";
  }
}
