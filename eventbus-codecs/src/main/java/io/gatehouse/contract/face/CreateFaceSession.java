package io.gatehouse.contract.face;

import io.vertx.core.json.JsonObject;

/**
 * Create a single-use face session for an API client (tenant); replies {@link FaceSessionTicket}.
 * {@code userId} is required for enrollment; for authentication it selects 1:1 verification, and null
 * means 1:N identification among the tenant's enrollments. {@code target} is target_samples (enrollment)
 * or min_frames_required (authentication).
 */
public record CreateFaceSession(String clientId, SessionType type, String userId, int target, int requiredBlinks,
                                boolean requireLiveness) {

  public JsonObject toJson() {
    return new JsonObject().put("clientId", clientId).put("type", type.name()).put("userId", userId)
      .put("target", target).put("requiredBlinks", requiredBlinks).put("requireLiveness", requireLiveness);
  }

  public static CreateFaceSession fromJson(JsonObject json) {
    return new CreateFaceSession(json.getString("clientId"), SessionType.valueOf(json.getString("type")),
      json.getString("userId"), json.getInteger("target"), json.getInteger("requiredBlinks"),
      json.getBoolean("requireLiveness"));
  }
}
