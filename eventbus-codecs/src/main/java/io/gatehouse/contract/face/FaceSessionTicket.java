package io.gatehouse.contract.face;

import io.vertx.core.json.JsonObject;

/** A created face session: its secret token, enrollment id (enrollment only) and expiry (epoch ms). */
public record FaceSessionTicket(String sessionToken, SessionType type, String enrollmentId, int target,
                                long expiresAt) {

  public JsonObject toJson() {
    return new JsonObject().put("sessionToken", sessionToken).put("type", type.name())
      .put("enrollmentId", enrollmentId).put("target", target).put("expiresAt", expiresAt);
  }

  public static FaceSessionTicket fromJson(JsonObject json) {
    return new FaceSessionTicket(json.getString("sessionToken"), SessionType.valueOf(json.getString("type")),
      json.getString("enrollmentId"), json.getInteger("target"), json.getLong("expiresAt"));
  }

  @Override
  public String toString() {
    return "FaceSessionTicket[type=" + type + ", enrollmentId=" + enrollmentId + "]";
  }
}
