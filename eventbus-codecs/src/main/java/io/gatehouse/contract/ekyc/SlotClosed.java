package io.gatehouse.contract.ekyc;

import io.vertx.core.json.JsonObject;

/**
 * The slot's socket closed with {@code closeCode}; anything but 1000 before completion marks it FAILED.
 * Replies {@link VerificationStatus}.
 */
public record SlotClosed(String transactionId, String slotId, int closeCode) {

  public JsonObject toJson() {
    return new JsonObject()
      .put("transactionId", transactionId)
      .put("slotId", slotId)
      .put("closeCode", closeCode);
  }

  public static SlotClosed fromJson(JsonObject json) {
    return new SlotClosed(
      json.getString("transactionId"),
      json.getString("slotId"),
      json.getInteger("closeCode", 0));
  }
}
