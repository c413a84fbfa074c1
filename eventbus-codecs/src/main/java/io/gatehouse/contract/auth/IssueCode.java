package io.gatehouse.contract.auth;

import io.vertx.core.json.JsonObject;

/** Issue a single-use authorization code for a logged-in user; replies {@link IssuedToken} (the code). */
public record IssueCode(String userId) {

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId);
  }

  public static IssueCode fromJson(JsonObject json) {
    return new IssueCode(json.getString("userId"));
  }
}
