package io.gatehouse.contract.face;

import io.vertx.core.json.JsonObject;

/** The socket of a session closed (client left, idle expiry, frame cap); the owner drops its state. */
public record CloseFaceSession(String sessionId, String reason) {

  public JsonObject toJson() {
    return new JsonObject().put("sessionId", sessionId).put("reason", reason);
  }

  public static CloseFaceSession fromJson(JsonObject json) {
    return new CloseFaceSession(json.getString("sessionId"), json.getString("reason"));
  }
}
