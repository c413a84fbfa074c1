package io.gatehouse.contract.ekyc;

import io.vertx.core.json.JsonObject;

/**
 * A transaction and its slot: sent to CLAIM_SLOT (replies {@link SlotClaimed}, fails FORBIDDEN {@code
 * invalid_slot}) and STATUS (slot may be null; replies {@link VerificationStatus}, fails NOT_FOUND {@code
 * invalid_transaction}).
 */
public record SlotRef(String transactionId, String slotId) {

  public JsonObject toJson() {
    return new JsonObject().put("transactionId", transactionId).put("slotId", slotId);
  }

  public static SlotRef fromJson(JsonObject json) {
    return new SlotRef(json.getString("transactionId"), json.getString("slotId"));
  }
}
