package io.gatehouse.ekyc;

import io.gatehouse.contract.face.FaceDescriptors;
import io.vertx.core.json.JsonObject;

/**
 * The {@code ekyc} section of the node config, read once with defaults; {@code descriptorThreshold} is the face
 * section's ({@code face.descriptorThreshold}), so a verification and a face session judge "same face" alike.
 */
public record EkycOptions(int maxConcurrentSlots, long transactionTtlSeconds, long slotTtlSeconds, int maxFrameBytes,
                          int maxFramesPerSend, long analyzeTimeoutMs, double turnYaw, double turnStepLimit,
                          int identityCheckEvery, double descriptorThreshold) {

  public static final int DEFAULT_MAX_CONCURRENT_SLOTS = 50;
  public static final long DEFAULT_TRANSACTION_TTL_SECONDS = 180;
  public static final long DEFAULT_SLOT_TTL_SECONDS = 600;
  public static final int DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;
  public static final int DEFAULT_MAX_FRAMES_PER_SEND = 10;
  public static final long DEFAULT_ANALYZE_TIMEOUT_MS = 5_000;
  /** How far (FrameAnalysis yaw, -1..1) a head must turn to count as a turn. */
  public static final double DEFAULT_TURN_YAW = 0.25;
  /** The largest yaw change between two frames that still continues a head turn. */
  public static final double DEFAULT_TURN_STEP_LIMIT = 0.3;
  /** Besides the frames that complete a step, each frame is compared with the reference face with probability 1/this. */
  public static final int DEFAULT_IDENTITY_CHECK_EVERY = 4;

  public EkycOptions {
    if (maxConcurrentSlots <= 0 || transactionTtlSeconds <= 0 || slotTtlSeconds <= 0 || maxFrameBytes <= 0
      || maxFramesPerSend <= 0 || analyzeTimeoutMs <= 0) {
      throw new IllegalArgumentException("ekyc limits and lifetimes must be positive");
    }
    if (turnYaw <= 0 || turnYaw >= 1) {
      throw new IllegalArgumentException("ekyc.turnYaw must be within (0, 1)");
    }
    if (!(turnStepLimit > 0) || turnStepLimit >= 2 * turnYaw) {
      throw new IllegalArgumentException("ekyc.turnStepLimit must be above 0 and below twice ekyc.turnYaw");
    }
    if (identityCheckEvery < 1) {
      throw new IllegalArgumentException("ekyc.identityCheckEvery must be at least 1");
    }
    if (!(descriptorThreshold > 0)) {
      throw new IllegalArgumentException("face.descriptorThreshold must be above 0");
    }
  }

  public static EkycOptions from(JsonObject nodeConfig) {
    JsonObject ekyc = nodeConfig.getJsonObject("ekyc", new JsonObject());
    return new EkycOptions(
      ekyc.getInteger("maxConcurrentSlots", DEFAULT_MAX_CONCURRENT_SLOTS),
      ekyc.getLong("transactionTtlSeconds", DEFAULT_TRANSACTION_TTL_SECONDS),
      ekyc.getLong("slotTtlSeconds", DEFAULT_SLOT_TTL_SECONDS),
      ekyc.getInteger("maxFrameBytes", DEFAULT_MAX_FRAME_BYTES),
      ekyc.getInteger("maxFramesPerSend", DEFAULT_MAX_FRAMES_PER_SEND),
      ekyc.getLong("analyzeTimeoutMs", DEFAULT_ANALYZE_TIMEOUT_MS),
      ekyc.getDouble("turnYaw", DEFAULT_TURN_YAW),
      ekyc.getDouble("turnStepLimit", DEFAULT_TURN_STEP_LIMIT),
      ekyc.getInteger("identityCheckEvery", DEFAULT_IDENTITY_CHECK_EVERY),
      nodeConfig.getJsonObject("face", new JsonObject()).getDouble("descriptorThreshold",
        FaceDescriptors.DEFAULT_THRESHOLD));
  }
}
