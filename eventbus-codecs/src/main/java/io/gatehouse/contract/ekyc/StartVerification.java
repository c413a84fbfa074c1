package io.gatehouse.contract.ekyc;

import io.vertx.core.json.JsonObject;

/**
 * Open an identity-verification transaction for a user (whose authorization code was redeemed); replies
 * {@link VerificationStarted}.
 */
public record StartVerification(String userId) {

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId);
  }

  public static StartVerification fromJson(JsonObject json) {
    return new StartVerification(json.getString("userId"));
  }
}
