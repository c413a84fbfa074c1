package io.gatehouse.pending;

import io.vertx.core.json.JsonObject;

/**
 * The {@code pending} section of the node config, read once.
 *
 * @param maxBatch   most acks stored in one statement
 * @param maxCatchUp most deliveries one catch-up returns (a larger or missing limit means this)
 * @param maxAckWritesInFlight ack batches written at once, the second and later only when full (cursor updates
 *                             keep the greatest value, so they commute)
 * @param readTimeoutMs    how long a catch-up waits for topic-routing's log read, all attempts together
 * @param attemptTimeoutMs one attempt of that read before the next instance is asked (a dead node's instance
 *                         stays registered until the cluster notices)
 */
public record PendingOptions(int maxBatch, int maxCatchUp, int maxAckWritesInFlight, long readTimeoutMs,
                             long attemptTimeoutMs) {

  public static final int DEFAULT_MAX_BATCH = 512;
  public static final int DEFAULT_MAX_CATCH_UP = 500;
  public static final int DEFAULT_MAX_ACK_WRITES_IN_FLIGHT = 4;
  public static final long DEFAULT_READ_TIMEOUT_MS = 10_000;
  public static final long DEFAULT_ATTEMPT_TIMEOUT_MS = 1_500;

  public PendingOptions {
    if (maxBatch < 1 || maxCatchUp < 1 || maxAckWritesInFlight < 1 || readTimeoutMs < 1 || attemptTimeoutMs < 1) {
      throw new IllegalArgumentException("invalid pending options: " + this);
    }
  }

  public static PendingOptions from(JsonObject config) {
    JsonObject pending = config.getJsonObject("pending", new JsonObject());
    return new PendingOptions(
      pending.getInteger("maxBatch", DEFAULT_MAX_BATCH),
      pending.getInteger("maxCatchUp", DEFAULT_MAX_CATCH_UP),
      pending.getInteger("maxAckWritesInFlight", DEFAULT_MAX_ACK_WRITES_IN_FLIGHT),
      pending.getLong("readTimeoutMs", DEFAULT_READ_TIMEOUT_MS),
      pending.getLong("attemptTimeoutMs", DEFAULT_ATTEMPT_TIMEOUT_MS));
  }

  public JsonObject toJson() {
    return new JsonObject().put("maxBatch", maxBatch).put("maxCatchUp", maxCatchUp)
      .put("maxAckWritesInFlight", maxAckWritesInFlight).put("readTimeoutMs", readTimeoutMs)
      .put("attemptTimeoutMs", attemptTimeoutMs);
  }
}
