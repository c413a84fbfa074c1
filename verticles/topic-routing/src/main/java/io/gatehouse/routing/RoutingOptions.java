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
 * @param maxTopicsPerUser      public and private topics one user may have created
 * @param maxMembershipsPerUser topics (of any kind) one user may be a member of
 * @param invitesPerMinute      invites one user may send per minute (per routing instance)
 * @param userMessagesPerSecond messages one user may publish per second over all connections (burst twice
 *                              that; per routing instance)
 */
public record RoutingOptions(int maxBatch, int retentionDays, int retentionMaxPerTopic, int retentionSweepSeconds,
                             int maxContentChars, int maxReadLimit, int maxTopicsPerUser,
                             int maxMembershipsPerUser, int invitesPerMinute, int userMessagesPerSecond) {

  public static final int DEFAULT_MAX_BATCH = 512;
  public static final int DEFAULT_RETENTION_DAYS = 30;
  public static final int DEFAULT_RETENTION_MAX_PER_TOPIC = 0;
  public static final int DEFAULT_RETENTION_SWEEP_SECONDS = 300;
  public static final int DEFAULT_MAX_CONTENT_CHARS = 65536;
  public static final int DEFAULT_MAX_READ_LIMIT = 1000;
  public static final int DEFAULT_MAX_TOPICS_PER_USER = 1000;
  public static final int DEFAULT_MAX_MEMBERSHIPS_PER_USER = 10_000;
  public static final int DEFAULT_INVITES_PER_MINUTE = 60;
  public static final int DEFAULT_USER_MESSAGES_PER_SECOND = 200;

  public RoutingOptions {
    if (maxBatch < 1 || retentionSweepSeconds < 1 || maxContentChars < 1 || maxReadLimit < 1
      || retentionDays < 0 || retentionMaxPerTopic < 0 || maxTopicsPerUser < 0 || maxMembershipsPerUser < 1
      || invitesPerMinute < 0 || userMessagesPerSecond < 1) {
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
      routing.getInteger("maxReadLimit", DEFAULT_MAX_READ_LIMIT),
      routing.getInteger("maxTopicsPerUser", DEFAULT_MAX_TOPICS_PER_USER),
      routing.getInteger("maxMembershipsPerUser", DEFAULT_MAX_MEMBERSHIPS_PER_USER),
      routing.getInteger("invitesPerMinute", DEFAULT_INVITES_PER_MINUTE),
      routing.getInteger("userMessagesPerSecond", DEFAULT_USER_MESSAGES_PER_SECOND));
  }

  public JsonObject toJson() {
    return new JsonObject().put("maxBatch", maxBatch).put("retentionDays", retentionDays)
      .put("retentionMaxPerTopic", retentionMaxPerTopic).put("retentionSweepSeconds", retentionSweepSeconds)
      .put("maxContentChars", maxContentChars).put("maxReadLimit", maxReadLimit)
      .put("maxTopicsPerUser", maxTopicsPerUser).put("maxMembershipsPerUser", maxMembershipsPerUser)
      .put("invitesPerMinute", invitesPerMinute).put("userMessagesPerSecond", userMessagesPerSecond);
  }
}
