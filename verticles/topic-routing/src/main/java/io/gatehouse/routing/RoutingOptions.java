package io.gatehouse.routing;

import io.vertx.core.json.JsonObject;

/**
 * The {@code routing} section of the node config, read once.
 *
 * @param maxBatch              most publishes appended in one transaction
 * @param retentionDays         log rows older than this are deleted; 0 keeps them forever
 * @param retentionMaxPerTopic  at most this many latest rows are kept per topic; 0 for no limit
 * @param retentionSweepSeconds how often the retention sweep runs
 * @param maxContentChars       longest message content accepted, in characters
 * @param maxReadLimit          most deliveries one range read returns
 */
public record RoutingOptions(int maxBatch, int retentionDays, int retentionMaxPerTopic, int retentionSweepSeconds,
                             int maxContentChars, int maxReadLimit) {

  public static final int DEFAULT_MAX_BATCH = 512;
  public static final int DEFAULT_RETENTION_DAYS = 30;
  public static final int DEFAULT_RETENTION_MAX_PER_TOPIC = 0;
  public static final int DEFAULT_RETENTION_SWEEP_SECONDS = 300;
  public static final int DEFAULT_MAX_CONTENT_CHARS = 65536;
  public static final int DEFAULT_MAX_READ_LIMIT = 1000;

  public RoutingOptions {
    if (maxBatch < 1 || retentionSweepSeconds < 1 || maxContentChars < 1 || maxReadLimit < 1
      || retentionDays < 0 || retentionMaxPerTopic < 0) {
      throw new IllegalArgumentException("invalid routing options: " + this);
    }
  }

  public static RoutingOptions from(JsonObject config) {
    JsonObject routing = config.getJsonObject("routing", new JsonObject());
    return new RoutingOptions(
      routing.getInteger("maxBatch", DEFAULT_MAX_BATCH),
      routing.getInteger("retentionDays", DEFAULT_RETENTION_DAYS),
      routing.getInteger("retentionMaxPerTopic", DEFAULT_RETENTION_MAX_PER_TOPIC),
      routing.getInteger("retentionSweepSeconds", DEFAULT_RETENTION_SWEEP_SECONDS),
      routing.getInteger("maxContentChars", DEFAULT_MAX_CONTENT_CHARS),
      routing.getInteger("maxReadLimit", DEFAULT_MAX_READ_LIMIT));
  }

  public JsonObject toJson() {
    return new JsonObject().put("maxBatch", maxBatch).put("retentionDays", retentionDays)
      .put("retentionMaxPerTopic", retentionMaxPerTopic).put("retentionSweepSeconds", retentionSweepSeconds)
      .put("maxContentChars", maxContentChars).put("maxReadLimit", maxReadLimit);
  }
}
