package io.gatehouse.contract.face;

import io.gatehouse.contract.Addresses;
import io.vertx.core.json.JsonObject;

/**
 * A claimed session. Frames ({@link SessionFrame}) and the close notice ({@link CloseFaceSession}) go to
 * {@link Addresses.Face#session(String)} of {@code sessionId}, served by the one node that owns its state.
 */
public record FaceSessionOpened(String sessionId, SessionType type, int target) {

  public JsonObject toJson() {
    return new JsonObject().put("sessionId", sessionId).put("type", type.name()).put("target", target);
  }

  public static FaceSessionOpened fromJson(JsonObject json) {
    return new FaceSessionOpened(json.getString("sessionId"), SessionType.valueOf(json.getString("type")),
      json.getInteger("target"));
  }
}
