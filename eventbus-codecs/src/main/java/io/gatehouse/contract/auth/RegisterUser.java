package io.gatehouse.contract.auth;

import io.vertx.core.json.JsonObject;

/** Create a user; replies {@link UserSession}. Fails CONFLICT {@code already_exists}. */
public record RegisterUser(String username, String password, String email) {

  public JsonObject toJson() {
    return new JsonObject().put("username", username).put("password", password).put("email", email);
  }

  public static RegisterUser fromJson(JsonObject json) {
    return new RegisterUser(json.getString("username"), json.getString("password"), json.getString("email"));
  }

  @Override
  public String toString() {
    return "RegisterUser[username=" + username + "]";
  }
}
