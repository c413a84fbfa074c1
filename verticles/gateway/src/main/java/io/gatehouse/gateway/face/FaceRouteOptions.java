package io.gatehouse.gateway.face;

import io.vertx.core.json.JsonObject;

/**
 * The gateway's share of the {@code face} config section: frame limits at the edge. {@code maxMessageBytes}
 * bounds one WebSocket message; it must exceed the base64 form of {@code maxFrameBytes} so that an oversized
 * image still gets seed 002's 4400 error instead of a transport close (1009).
 */
public record FaceRouteOptions(int maxFrameBytes, int maxMessageBytes, long minFrameIntervalMs,
                               long frameJitterToleranceMs, int maxFramesPerSession, long sessionIdleMs, long frameTimeoutMs,
                               int defaultTargetSamples, int defaultMinFrames) {

  public static final int DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;
  public static final int DEFAULT_MAX_MESSAGE_BYTES = 4 * 1024 * 1024;
  public static final long DEFAULT_MIN_FRAME_INTERVAL_MS = 100;
  /** How early a frame may arrive against its slot: network jitter of up to half an interval is forgiven. */
  public static final long DEFAULT_FRAME_JITTER_TOLERANCE_MS = 50;
  public static final int DEFAULT_MAX_FRAMES_PER_SESSION = 120;
  public static final long DEFAULT_SESSION_IDLE_MS = 5 * 60_000;
  public static final long DEFAULT_FRAME_TIMEOUT_MS = 10_000;
  public static final int DEFAULT_TARGET_SAMPLES = 3;
  public static final int DEFAULT_MIN_FRAMES = 3;

  public static FaceRouteOptions from(JsonObject nodeConfig) {
    JsonObject face = nodeConfig.getJsonObject("face", new JsonObject());
    return new FaceRouteOptions(
      face.getInteger("maxFrameBytes", DEFAULT_MAX_FRAME_BYTES),
      face.getInteger("maxMessageBytes", DEFAULT_MAX_MESSAGE_BYTES),
      face.getLong("minFrameIntervalMs", DEFAULT_MIN_FRAME_INTERVAL_MS),
      face.getLong("frameJitterToleranceMs", DEFAULT_FRAME_JITTER_TOLERANCE_MS),
      face.getInteger("maxFramesPerSession", DEFAULT_MAX_FRAMES_PER_SESSION),
      face.getLong("sessionIdleMs", DEFAULT_SESSION_IDLE_MS),
      face.getLong("frameTimeoutMs", DEFAULT_FRAME_TIMEOUT_MS),
      face.getInteger("defaultTargetSamples", DEFAULT_TARGET_SAMPLES),
      face.getInteger("defaultMinFrames", DEFAULT_MIN_FRAMES));
  }

  /** The largest base64 text that can decode to at most {@code maxFrameBytes}. */
  public int maxBase64Chars() {
    return (maxFrameBytes + 2) / 3 * 4;
  }
}
