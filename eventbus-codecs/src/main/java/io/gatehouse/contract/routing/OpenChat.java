package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonObject;

/**
 * Find or create the two-member chat of {@code userId} and {@code peerId}; replies {@link ChatRef}.
 * Idempotent, also under concurrent requests for the same pair from either side: one pair, one chat.
 * Fails BAD_REQUEST {@code invalid_request} for malformed ids or a chat with oneself. The caller checks
 * that the peer exists (topic-routing knows no users).
 */
public record OpenChat(String userId, String peerId) {

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("peerId", peerId);
  }

  public static OpenChat fromJson(JsonObject json) {
    return new OpenChat(json.getString("userId"), json.getString("peerId"));
  }
}
