package io.gatehouse.pending;

import io.vertx.core.json.JsonObject;

/**
 * The {@code pending} section of the node config, read once.
 *
 * @param maxBatch   most acks stored in one statement
 * @param maxCatchUp most deliveries one catch-up returns (a larger or missing limit means this)
 * @param maxAckWritesInFlight ack batches written at once, the second and later only when full (cursor updates
 *                             keep the greatest value, so they commute)
 */
public record PendingOptions(int maxBatch, int maxCatchUp, int maxAckWritesInFlight) {

  public static final int DEFAULT_MAX_BATCH = 512;
  public static final int DEFAULT_MAX_CATCH_UP = 500;
  public static final int DEFAULT_MAX_ACK_WRITES_IN_FLIGHT = 4;

  public PendingOptions {
    if (maxBatch < 1 || maxCatchUp < 1 || maxAckWritesInFlight < 1) {
      throw new IllegalArgumentException("invalid pending options: " + this);
    }
  }

  public static PendingOptions from(JsonObject config) {
    JsonObject pending = config.getJsonObject("pending", new JsonObject());
    return new PendingOptions(
      pending.getInteger("maxBatch", DEFAULT_MAX_BATCH),
      pending.getInteger("maxCatchUp", DEFAULT_MAX_CATCH_UP),
      pending.getInteger("maxAckWritesInFlight", DEFAULT_MAX_ACK_WRITES_IN_FLIGHT));
  }

  public JsonObject toJson() {
    return new JsonObject().put("maxBatch", maxBatch).put("maxCatchUp", maxCatchUp)
      .put("maxAckWritesInFlight", maxAckWritesInFlight);
  }
}
