package io.gatehouse.contract.gateway;

import io.vertx.core.json.JsonObject;

/**
 * A chat message was marked seen: published to {@code Addresses.Sessions.seen(userId)} for each member of the
 * chat, whose sockets on every gateway hear {@code message_received}.
 */
public record MessageSeen(String userId, String messageId) {

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("messageId", messageId);
  }

  public static MessageSeen fromJson(JsonObject json) {
    return new MessageSeen(json.getString("userId"), json.getString("messageId"));
  }
}
