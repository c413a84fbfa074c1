package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonObject;

/**
 * A page of a chat's log, newest first, read by a member: the messages with seq below {@code beforeSeq}
 * (0 for the newest), at most {@code pageSize} (capped by the service). Replies a {@link DeliveryBatch}
 * in descending seq order with {@code more} set when older messages remain; the seq of its last delivery
 * is the stable paging state of the next page (later messages never shift it). An unknown chat and one
 * the user is not a member of both fail NOT_FOUND {@code not_found}.
 */
public record ChatHistory(String userId, String chatId, int pageSize, long beforeSeq) {

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("chatId", chatId).put("pageSize", pageSize)
      .put("beforeSeq", beforeSeq);
  }

  public static ChatHistory fromJson(JsonObject json) {
    return new ChatHistory(json.getString("userId"), json.getString("chatId"), json.getInteger("pageSize"),
      json.getLong("beforeSeq"));
  }
}
