package io.gatehouse.gateway.chat;

import io.vertx.core.json.JsonObject;

/**
 * The {@code chat} section of the node config, read once.
 *
 * @param catchUpBatch     most stored messages read per catch-up request when a socket joins
 * @param ackIndexSize     delivered messages remembered per socket, to mark them seen without a lookup
 * @param defaultPageSize  history page size when the request names none
 * @param maxPageSize      largest history page
 * @param maxTypeChars     longest message {@code type}
 */
public record ChatOptions(int catchUpBatch, int ackIndexSize, int defaultPageSize, int maxPageSize, int maxTypeChars) {

  public static final int DEFAULT_CATCH_UP_BATCH = 500;
  /** 128 entries of 32 bytes: 4 KB per busy connection; acks for older messages are located in the log. */
  public static final int DEFAULT_ACK_INDEX_SIZE = 128;
  public static final int DEFAULT_PAGE_SIZE = 50;
  public static final int DEFAULT_MAX_PAGE_SIZE = 500;
  public static final int DEFAULT_MAX_TYPE_CHARS = 32;

  public static ChatOptions from(JsonObject config) {
    JsonObject chat = config.getJsonObject("chat", new JsonObject());
    return new ChatOptions(
      chat.getInteger("catchUpBatch", DEFAULT_CATCH_UP_BATCH),
      chat.getInteger("ackIndexSize", DEFAULT_ACK_INDEX_SIZE),
      chat.getInteger("defaultPageSize", DEFAULT_PAGE_SIZE),
      chat.getInteger("maxPageSize", DEFAULT_MAX_PAGE_SIZE),
      chat.getInteger("maxTypeChars", DEFAULT_MAX_TYPE_CHARS));
  }
}
