package io.gatehouse.contract.face;

import io.vertx.core.json.JsonObject;

/**
 * Claim a session for one WebSocket (tokens are single-use); replies {@link FaceSessionOpened}. Fails
 * NOT_FOUND {@code session_not_found}, BAD_REQUEST {@code session_used}, UNAUTHORIZED {@code session_expired}.
 */
public record OpenFaceSession(String sessionToken) {

  public JsonObject toJson() {
    return new JsonObject().put("sessionToken", sessionToken);
  }

  public static OpenFaceSession fromJson(JsonObject json) {
    return new OpenFaceSession(json.getString("sessionToken"));
  }

  @Override
  public String toString() {
    return "OpenFaceSession[]";
  }
}
