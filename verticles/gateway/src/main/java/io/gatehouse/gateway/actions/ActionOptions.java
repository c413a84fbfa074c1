package io.gatehouse.gateway.actions;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** Limits of the action-protocol WebSocket, from the {@code gateway} config section. */
public record ActionOptions(long authTimeoutMs, int maxFrameBytes, int messagesPerSecond, int messageBurst,
                            int maxConnectionsPerIp, int heartbeatSeconds, int writeQueueMaxBytes,
                            List<String> allowedOrigins, int catchUpBatch, int ackIndexSize, long retryAfterMs) {

  public static final long DEFAULT_AUTH_TIMEOUT_MS = 30_000;
  public static final int DEFAULT_MAX_FRAME_BYTES = 64 * 1024;
  public static final int DEFAULT_MESSAGES_PER_SECOND = 100;
  public static final int DEFAULT_MESSAGE_BURST = 200;
  public static final int DEFAULT_MAX_CONNECTIONS_PER_IP = 1_000;
  public static final int DEFAULT_HEARTBEAT_SECONDS = 30;
  public static final int DEFAULT_WRITE_QUEUE_MAX_BYTES = 1024 * 1024;
  public static final int DEFAULT_CATCH_UP_BATCH = 500;
  /** 128 entries of 32 bytes: 4 KB per busy connection; acks for older messages are located in the log. */
  public static final int DEFAULT_ACK_INDEX_SIZE = 128;
  /** The back-off hint of a 1013 close (service unavailable, e.g. the database restarting), before jitter. */
  public static final long DEFAULT_RETRY_AFTER_MS = 2_000;

  public static ActionOptions from(JsonObject config) {
    JsonObject gateway = config.getJsonObject("gateway", new JsonObject());
    return new ActionOptions(
      gateway.getLong("authTimeoutMs", DEFAULT_AUTH_TIMEOUT_MS),
      gateway.getInteger("maxFrameBytes", DEFAULT_MAX_FRAME_BYTES),
      gateway.getInteger("messagesPerSecond", DEFAULT_MESSAGES_PER_SECOND),
      gateway.getInteger("messageBurst", DEFAULT_MESSAGE_BURST),
      gateway.getInteger("maxConnectionsPerIp", DEFAULT_MAX_CONNECTIONS_PER_IP),
      gateway.getInteger("heartbeatSeconds", DEFAULT_HEARTBEAT_SECONDS),
      gateway.getInteger("writeQueueMaxBytes", DEFAULT_WRITE_QUEUE_MAX_BYTES),
      gateway.getJsonArray("allowedOrigins", new JsonArray()).stream().map(String::valueOf).toList(),
      gateway.getInteger("catchUpBatch", DEFAULT_CATCH_UP_BATCH),
      gateway.getInteger("ackIndexSize", DEFAULT_ACK_INDEX_SIZE),
      gateway.getLong("retryAfterMs", DEFAULT_RETRY_AFTER_MS));
  }
}
