package io.gatehouse.contract.auth;

import io.vertx.core.json.JsonObject;

/** A signed token and when it expires (epoch seconds). */
public record IssuedToken(String token, long expiresAt) {

  public JsonObject toJson() {
    return new JsonObject().put("token", token).put("expiresAt", expiresAt);
  }

  public static IssuedToken fromJson(JsonObject json) {
    return new IssuedToken(json.getString("token"), json.getLong("expiresAt"));
  }

  @Override
  public String toString() {
    return "IssuedToken[expiresAt=" + expiresAt + "]";
  }
}
