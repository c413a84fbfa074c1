package io.gatehouse.pending;

import io.vertx.core.json.JsonObject;

/**
 * The {@code pending} section of the node config, read once.
 *
 * @param maxBatch   most acks stored in one statement
 * @param maxCatchUp most deliveries one catch-up returns (a larger or missing limit means this)
 */
public record PendingOptions(int maxBatch, int maxCatchUp) {

  public static final int DEFAULT_MAX_BATCH = 512;
  public static final int DEFAULT_MAX_CATCH_UP = 500;

  public PendingOptions {
    if (maxBatch < 1 || maxCatchUp < 1) {
      throw new IllegalArgumentException("invalid pending options: " + this);
    }
  }

  public static PendingOptions from(JsonObject config) {
    JsonObject pending = config.getJsonObject("pending", new JsonObject());
    return new PendingOptions(
      pending.getInteger("maxBatch", DEFAULT_MAX_BATCH),
      pending.getInteger("maxCatchUp", DEFAULT_MAX_CATCH_UP));
  }

  public JsonObject toJson() {
    return new JsonObject().put("maxBatch", maxBatch).put("maxCatchUp", maxCatchUp);
  }
}
