package io.gatehouse.face.polyglot;

import io.gatehouse.contract.face.FaceDescriptors;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

/**
 * The polyglot engine's part of the {@code face} config section. {@code workers}: engine worker processes this
 * node starts and supervises (0: none, workers run elsewhere); the bridge listens on {@code bridgeHost:bridgePort};
 * workers run {@code command} (Node.js) in {@code workerDir}. A frame waits {@code timeoutMs} for a worker and is
 * tried {@code attempts} times in all (the bus picks another worker each time). {@code detector} and
 * {@code inputSize} choose face-api's detector, {@code livenessInputSize} the Tiny detector's smaller input for
 * frames analysed without a descriptor; {@code eyesOpenEar} is the lid opening (iris net: ~0.3 open, ~0.1 shut)
 * above which a single frame counts as eyes open (stateless analyses; sessions and eKYC judge blinks against the
 * person's own open-eye level).
 * The bridge listener's timeouts, frame bound and TLS are {@link BridgeSecurity}.
 */
public record PolyglotOptions(int workers, String bridgeHost, int bridgePort, String command, Path workerDir,
                              long timeoutMs, int attempts, long startTimeoutMs, long restartDelayMs, String detector,
                              int inputSize, int livenessInputSize, double minScore, double eyesOpenEar, double matchThreshold,
                              int maxFrameBytes, long maxPixels, BridgeSecurity bridgeSecurity) {

  public static final int DEFAULT_WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());
  public static final String DEFAULT_BRIDGE_HOST = "127.0.0.1";
  public static final int DEFAULT_BRIDGE_PORT = 8095;
  public static final String DEFAULT_COMMAND = "node";
  public static final String DEFAULT_WORKER_DIR = "verticles/face-engine-node";
  public static final long DEFAULT_TIMEOUT_MS = 4_000;
  public static final int DEFAULT_ATTEMPTS = 2;
  public static final long DEFAULT_START_TIMEOUT_MS = 60_000;
  public static final long DEFAULT_RESTART_DELAY_MS = 1_000;
  public static final String DEFAULT_DETECTOR = "tiny";
  public static final int DEFAULT_INPUT_SIZE = 416;
  public static final int DEFAULT_LIVENESS_INPUT_SIZE = 160;
  public static final double DEFAULT_MIN_SCORE = 0.3;
  public static final double DEFAULT_EYES_OPEN_EAR = 0.2;
  /** Calibrated on face-dev-set (README, "Face engine"): no pair on either side of it within 0.02. */
  public static final double DEFAULT_MATCH_THRESHOLD = FaceDescriptors.DEFAULT_THRESHOLD;

  public static PolyglotOptions from(JsonObject face, int maxFrameBytes, long maxPixels) {
    Object workers = face.getValue("engineWorkers");
    return new PolyglotOptions(
      workers == null || String.valueOf(workers).isBlank() ? DEFAULT_WORKERS : Integer.parseInt(String.valueOf(workers)),
      face.getString("bridgeHost", DEFAULT_BRIDGE_HOST),
      face.getInteger("bridgePort", DEFAULT_BRIDGE_PORT),
      face.getString("engineCommand", DEFAULT_COMMAND),
      Path.of(face.getString("engineDir", DEFAULT_WORKER_DIR)),
      face.getLong("engineTimeoutMs", DEFAULT_TIMEOUT_MS),
      face.getInteger("engineAttempts", DEFAULT_ATTEMPTS),
      face.getLong("engineStartTimeoutMs", DEFAULT_START_TIMEOUT_MS),
      face.getLong("engineRestartDelayMs", DEFAULT_RESTART_DELAY_MS),
      face.getString("engineDetector", DEFAULT_DETECTOR),
      face.getInteger("engineInputSize", DEFAULT_INPUT_SIZE),
      face.getInteger("engineLivenessInputSize", DEFAULT_LIVENESS_INPUT_SIZE),
      face.getDouble("engineMinScore", DEFAULT_MIN_SCORE),
      face.getDouble("eyesOpenEar", DEFAULT_EYES_OPEN_EAR),
      face.getDouble("descriptorThreshold", DEFAULT_MATCH_THRESHOLD),
      maxFrameBytes, maxPixels, BridgeSecurity.from(face, maxFrameBytes));
  }
}
