package io.gatehouse.contract.ekyc;

import io.vertx.core.json.JsonObject;

/**
 * Allot a verification slot to a started transaction; replies {@link SlotRef} with the slot id. Fails
 * BAD_REQUEST {@code invalid_transaction}, {@code consent_required}, {@code invalid_identity_verifier_id},
 * RATE_LIMITED {@code slot_not_available}.
 */
public record AllotSlot(String transactionId, String verifierId, String consent) {

  public JsonObject toJson() {
    return new JsonObject()
      .put("transactionId", transactionId)
      .put("verifierId", verifierId)
      .put("consent", consent);
  }

  public static AllotSlot fromJson(JsonObject json) {
    return new AllotSlot(
      json.getString("transactionId"),
      json.getString("verifierId"),
      json.getString("consent"));
  }
}
