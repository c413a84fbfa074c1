package io.gatehouse.contract.face;

import io.vertx.core.json.JsonObject;

/**
 * What a session made of one frame. {@code PROGRESS}: counted, continue. {@code REJECTED}: not counted
 * ({@code reason} {@code invalid_frame}, {@code no_face}, {@code several_faces}, {@code low_quality}), continue.
 * {@code ENROLLED} / {@code AUTHENTICATED}: done, with the encrypted result. {@code NOT_AUTHENTICATED} /
 * {@code LIVENESS_FAILED}: done, refused.
 */
public record FrameOutcome(Kind kind, String reason, String message, int framesProcessed, int target,
                           boolean faceDetected, int blinks, boolean motion, boolean livenessVerified,
                           double livenessScore, double qualityScore, String subjectId, double confidence,
                           String encryptedPayload) {

  public enum Kind { PROGRESS, REJECTED, ENROLLED, AUTHENTICATED, NOT_AUTHENTICATED, LIVENESS_FAILED }

  public boolean finished() {
    return kind != Kind.PROGRESS && kind != Kind.REJECTED;
  }

  public JsonObject toJson() {
    return new JsonObject().put("kind", kind.name()).put("reason", reason).put("message", message)
      .put("framesProcessed", framesProcessed).put("target", target).put("faceDetected", faceDetected)
      .put("blinks", blinks).put("motion", motion).put("livenessVerified", livenessVerified)
      .put("livenessScore", livenessScore).put("qualityScore", qualityScore).put("subjectId", subjectId)
      .put("confidence", confidence).put("encryptedPayload", encryptedPayload);
  }

  public static FrameOutcome fromJson(JsonObject json) {
    return new FrameOutcome(Kind.valueOf(json.getString("kind")), json.getString("reason"),
      json.getString("message"), json.getInteger("framesProcessed"), json.getInteger("target"),
      json.getBoolean("faceDetected"), json.getInteger("blinks"), json.getBoolean("motion"),
      json.getBoolean("livenessVerified"), json.getDouble("livenessScore"), json.getDouble("qualityScore"),
      json.getString("subjectId"), json.getDouble("confidence"), json.getString("encryptedPayload"));
  }
}
