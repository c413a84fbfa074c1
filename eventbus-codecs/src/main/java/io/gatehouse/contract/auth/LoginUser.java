package io.gatehouse.contract.auth;

import io.vertx.core.json.JsonObject;

/** Check a username and password; replies {@link UserSession}. Fails UNAUTHORIZED {@code invalid_credentials}. */
public record LoginUser(String username, String password) {

  public JsonObject toJson() {
    return new JsonObject().put("username", username).put("password", password);
  }

  public static LoginUser fromJson(JsonObject json) {
    return new LoginUser(json.getString("username"), json.getString("password"));
  }

  @Override
  public String toString() {
    return "LoginUser[username=" + username + "]";
  }
}
