package io.gatehouse.gateway.face;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.face.FaceSessionOpened;
import io.gatehouse.contract.face.FrameOutcome;
import io.gatehouse.contract.face.SessionType;
import io.vertx.core.json.JsonObject;

/** The one place where face outcomes and failures become seed 002's WebSocket messages and close codes. */
final class FaceReplies {

  static final short DONE = 1000;
  static final short TOO_BIG = 1009;
  static final short GENERIC = 4000;
  static final short BAD_REQUEST = 4400;
  static final short EXPIRED = 4401;
  static final short FORBIDDEN = 4403;
  static final short NOT_FOUND = 4404;
  static final short TOO_MANY = 4429;
  static final short INTERNAL = 4500;

  /** A message to send, and the close code that follows it (0 to stay open). */
  record Reply(JsonObject message, short closeCode) {
  }

  private FaceReplies() {
  }

  static JsonObject established(String token, FaceSessionOpened opened) {
    return new JsonObject().put("type", "connection_established").put("session_token", token)
      .put("session_type", opened.type().wireName()).put("status", "active")
      .put("message", opened.type() == SessionType.ENROLLMENT ? "Enrollment session ready"
        : "Authentication session ready");
  }

  static JsonObject error(String text, int code) {
    return new JsonObject().put("type", "error").put("error", text).put("code", code);
  }

  static JsonObject pong() {
    return new JsonObject().put("type", "pong");
  }

  /** Why a session could not be opened, as a close code with its error message. */
  static Reply openFailure(Throwable failure) {
    FailureCode code = ServiceFailure.codeOf(failure);
    return switch (code) {
      case NOT_FOUND -> new Reply(error("Session not found", NOT_FOUND), NOT_FOUND);
      case BAD_REQUEST, CONFLICT -> new Reply(error("Session token already used or not active", BAD_REQUEST), BAD_REQUEST);
      case UNAUTHORIZED -> new Reply(error("Session expired", EXPIRED), EXPIRED);
      default -> new Reply(error("Internal server error", INTERNAL), INTERNAL);
    };
  }

  static Reply frameFailure(Throwable failure) {
    return ServiceFailure.codeOf(failure) == FailureCode.BAD_REQUEST
      ? new Reply(error("Session already finished", BAD_REQUEST), BAD_REQUEST)
      : new Reply(error("Internal server error", INTERNAL), INTERNAL);
  }

  static Reply of(FrameOutcome outcome, SessionType type) {
    return switch (outcome.kind()) {
      case PROGRESS -> new Reply(progress(outcome), (short) 0);
      case REJECTED -> new Reply(error(outcome.message(), "invalid_frame".equals(outcome.reason()) ? BAD_REQUEST : GENERIC)
        .put("face_detected", outcome.faceDetected()), (short) 0);
      case ENROLLED -> new Reply(new JsonObject().put("type", "enrollment_complete").put("success", true)
        .put("enrollment_id", outcome.subjectId()).put("frames_processed", outcome.framesProcessed())
        .put("liveness_verified", outcome.livenessVerified()).put("encrypted_data", encrypted(outcome))
        .put("message", outcome.message()), DONE);
      case AUTHENTICATED -> new Reply(authentication(outcome, true).put("encrypted_data", encrypted(outcome)), DONE);
      case NOT_AUTHENTICATED -> new Reply(authentication(outcome, false), FORBIDDEN);
      case LIVENESS_FAILED -> type == SessionType.AUTHENTICATION
        ? new Reply(authentication(outcome, false), FORBIDDEN)
        : new Reply(error(outcome.message(), FORBIDDEN), FORBIDDEN);
    };
  }

  private static JsonObject progress(FrameOutcome outcome) {
    return new JsonObject().put("type", "frame_processed").put("success", true)
      .put("frames_processed", outcome.framesProcessed()).put("target_samples", outcome.target())
      .put("liveness_verified", outcome.livenessVerified()).put("liveness_score", outcome.livenessScore())
      .put("quality_score", outcome.qualityScore()).put("message", outcome.message())
      .put("face_detected", outcome.faceDetected()).put("blinks_detected", outcome.blinks())
      .put("motion_detected", outcome.motion());
  }

  private static JsonObject authentication(FrameOutcome outcome, boolean authenticated) {
    return new JsonObject().put("type", "authentication_complete").put("success", authenticated)
      .put("authenticated", authenticated).put("user_id", outcome.subjectId())
      .put("confidence", outcome.confidence()).put("frames_processed", outcome.framesProcessed())
      .put("liveness_verified", outcome.livenessVerified()).put("message", outcome.message());
  }

  private static JsonObject encrypted(FrameOutcome outcome) {
    return new JsonObject().put("encrypted_payload", outcome.encryptedPayload())
      .put("encryption_method", "AES-256-CBC")
      .put("instructions", "Decrypt with your secret_key to access the data");
  }
}
