package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonObject;

/**
 * Where a message sits in its topic's log, asked by a member of that topic (to turn an ack by message id
 * into a cursor position); replies {@link MessagePosition}. Unknown ids and messages of topics the user
 * is not a member of both fail NOT_FOUND {@code not_found}.
 */
public record LocateMessage(String userId, String messageId) {

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("messageId", messageId);
  }

  public static LocateMessage fromJson(JsonObject json) {
    return new LocateMessage(json.getString("userId"), json.getString("messageId"));
  }
}
