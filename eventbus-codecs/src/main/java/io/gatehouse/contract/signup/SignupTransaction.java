package io.gatehouse.contract.signup;

import io.vertx.core.json.JsonObject;

/** A signup transaction id (a cookie value) and when it expires (epoch seconds). */
public record SignupTransaction(String transactionId, long expiresAt) {

  public JsonObject toJson() {
    return new JsonObject().put("transactionId", transactionId).put("expiresAt", expiresAt);
  }

  public static SignupTransaction fromJson(JsonObject json) {
    return new SignupTransaction(json.getString("transactionId"), json.getLong("expiresAt", 0L));
  }
}
