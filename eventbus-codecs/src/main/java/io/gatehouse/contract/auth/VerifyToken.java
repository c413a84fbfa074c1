package io.gatehouse.contract.auth;

import io.vertx.core.json.JsonObject;

/**
 * Verify a JWT; replies {@link Principal}. Fails UNAUTHORIZED with reason {@code expired},
 * {@code invalid_signature} or {@code malformed}.
 */
public record VerifyToken(String token) {

  public JsonObject toJson() {
    return new JsonObject().put("token", token);
  }

  public static VerifyToken fromJson(JsonObject json) {
    return new VerifyToken(json.getString("token"));
  }

  @Override
  public String toString() {
    return "VerifyToken[]";
  }
}
