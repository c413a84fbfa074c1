package io.gatehouse.contract.ekyc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The transaction id (IDV_TRANSACTION_ID cookie), its expiry (epoch seconds) and the public metadata of
 * every active verifier.
 */
public record VerificationStarted(String transactionId, long expiresAt, JsonArray identityVerifiers) {

  public JsonObject toJson() {
    return new JsonObject()
      .put("transactionId", transactionId)
      .put("expiresAt", expiresAt)
      .put("identityVerifiers", identityVerifiers);
  }

  public static VerificationStarted fromJson(JsonObject json) {
    return new VerificationStarted(
      json.getString("transactionId"),
      json.getLong("expiresAt", 0L),
      json.getJsonArray("identityVerifiers"));
  }
}
