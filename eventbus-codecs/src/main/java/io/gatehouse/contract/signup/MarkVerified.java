package io.gatehouse.contract.signup;

import io.vertx.core.json.JsonObject;

/**
 * Record that the user passed identity verification; replies {@link SignupStatus} COMPLETED, fails
 * NOT_FOUND {@code user_not_found}.
 */
public record MarkVerified(String userId) {

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId);
  }

  public static MarkVerified fromJson(JsonObject json) {
    return new MarkVerified(json.getString("userId"));
  }
}
