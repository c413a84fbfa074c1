package io.gatehouse.face.engine;

import io.vertx.core.json.JsonObject;

/**
 * Limits and thresholds of the OpenCV engine, from the {@code face.engine} config section. Detection runs
 * on the frame scaled to {@code detectWidth} and looks for faces at least {@code minFaceRatio} of the
 * frame's shorter side (a face-capture client frames one face large).
 * {@code eyesOpenAbove}: eye score above which a single frame counts as eyes open (stateless analyses only;
 * sessions judge blinks against their own open-eye level).
 */
public record EngineOptions(int maxFrameBytes, long maxPixels, int detectWidth, double minFaceRatio,
                            double eyesOpenAbove) {

  public static final int DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;
  public static final long DEFAULT_MAX_PIXELS = 4096L * 4096L;
  public static final int DEFAULT_DETECT_WIDTH = 320;
  public static final double DEFAULT_MIN_FACE_RATIO = 0.2;
  public static final double DEFAULT_EYES_OPEN_ABOVE = 0.06;

  public static EngineOptions defaults() {
    return from(new JsonObject());
  }

  public static EngineOptions from(JsonObject face) {
    JsonObject engine = face.getJsonObject("engine", new JsonObject());
    return new EngineOptions(
      face.getInteger("maxFrameBytes", DEFAULT_MAX_FRAME_BYTES),
      engine.getLong("maxPixels", DEFAULT_MAX_PIXELS),
      engine.getInteger("detectWidth", DEFAULT_DETECT_WIDTH),
      engine.getDouble("minFaceRatio", DEFAULT_MIN_FACE_RATIO),
      engine.getDouble("eyesOpenAbove", DEFAULT_EYES_OPEN_ABOVE));
  }
}
