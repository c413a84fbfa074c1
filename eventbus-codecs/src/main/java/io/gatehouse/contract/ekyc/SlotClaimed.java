package io.gatehouse.contract.ekyc;

import io.vertx.core.json.JsonObject;

/** A slot whose cookie was just used for its one handshake, and the verifier that serves it. */
public record SlotClaimed(String transactionId, String slotId, String verifierId) {

  public JsonObject toJson() {
    return new JsonObject()
      .put("transactionId", transactionId)
      .put("slotId", slotId)
      .put("verifierId", verifierId);
  }

  public static SlotClaimed fromJson(JsonObject json) {
    return new SlotClaimed(
      json.getString("transactionId"),
      json.getString("slotId"),
      json.getString("verifierId"));
  }
}
