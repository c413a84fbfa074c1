package io.gatehouse.face;

import io.gatehouse.face.engine.EngineOptions;
import io.gatehouse.face.polyglot.PolyglotOptions;
import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

/**
 * The {@code face} section of the node config, read once. {@code engineType}: {@code polyglot} (the default:
 * face-api workers on the TCP event-bus bridge, {@link PolyglotOptions}) or {@code local} ({@code engineClass}
 * on worker threads, the weaker OpenCV fallback). Thresholds: {@code minQuality} for a frame to count,
 * {@code matchThreshold} the largest LBPH distance the local engine accepts as the same person (the polyglot
 * engine's is {@code descriptorThreshold}), {@code motionThreshold} the face displacement (relative to its width)
 * that counts as head motion for the local engine, {@code poseMotionThreshold} the change of head yaw or pitch
 * that counts as head motion where landmarks give the pose (polyglot), within runs of frames whose pose moves by
 * at most {@code poseStepLimit} from one frame to the next; {@code identityCheckEvery} and {@code boxStepLimit}
 * how liveness frames are tied to the session's samples ({@link IdentityGuard}); {@code enrollmentLiveness} (default true)
 * off lets an enrollment complete without a blink and a head motion (enrollment supervised in person),
 * {@code livenessFrameWindow} the counted frames after which a session without liveness fails.
 */
public record FaceOptions(String engineType, PolyglotOptions polyglot, double poseMotionThreshold,
                          double poseStepLimit, int identityCheckEvery, double boxStepLimit,
                          boolean enrollmentLiveness,
                          EngineOptions engine, String engineClass, int workerPoolSize, Path keyDir,
                          long sessionTtlMs, long sessionIdleMs, double minQuality, double matchThreshold,
                          double motionThreshold, int livenessFrameWindow, int maxTargetFrames) {

  public static final String POLYGLOT = "polyglot";
  public static final String LOCAL = "local";
  public static final double DEFAULT_POSE_MOTION_THRESHOLD = 0.15;
  public static final double DEFAULT_POSE_STEP_LIMIT = 0.1;
  public static final int DEFAULT_IDENTITY_CHECK_EVERY = 4;
  public static final double DEFAULT_BOX_STEP_LIMIT = 0.5;
  public static final String DEFAULT_ENGINE_CLASS = "io.gatehouse.face.engine.OpenCvFaceEngine";
  public static final int DEFAULT_WORKER_POOL_SIZE = Math.max(1, Runtime.getRuntime().availableProcessors());
  public static final long DEFAULT_SESSION_TTL_MS = 5 * 60_000;
  public static final long DEFAULT_SESSION_IDLE_MS = 5 * 60_000;
  public static final double DEFAULT_MIN_QUALITY = 0.4;
  public static final double DEFAULT_MATCH_THRESHOLD = 80;
  public static final double DEFAULT_MOTION_THRESHOLD = 0.08;
  public static final int DEFAULT_LIVENESS_FRAME_WINDOW = 30;
  public static final int DEFAULT_MAX_TARGET_FRAMES = 20;

  public static FaceOptions from(JsonObject nodeConfig) {
    JsonObject face = nodeConfig.getJsonObject("face", new JsonObject());
    String dataDir = nodeConfig.getJsonObject("node", new JsonObject()).getString("dataDir", "data");
    String keyDir = face.getString("keyDir");
    EngineOptions engine = EngineOptions.from(face);
    String engineType = face.getString("engineType", POLYGLOT);
    if (!POLYGLOT.equals(engineType) && !LOCAL.equals(engineType)) {
      throw new IllegalArgumentException("face.engineType must be polyglot or local, was " + engineType);
    }
    double poseStepLimit = face.getDouble("poseStepLimit", DEFAULT_POSE_STEP_LIMIT);
    if (!(poseStepLimit > 0)) {
      throw new IllegalArgumentException("face.poseStepLimit must be above 0, was " + poseStepLimit);
    }
    int identityCheckEvery = face.getInteger("identityCheckEvery", DEFAULT_IDENTITY_CHECK_EVERY);
    if (identityCheckEvery < 1) {
      throw new IllegalArgumentException("face.identityCheckEvery must be at least 1, was " + identityCheckEvery);
    }
    double boxStepLimit = face.getDouble("boxStepLimit", DEFAULT_BOX_STEP_LIMIT);
    if (!(boxStepLimit > 0)) {
      throw new IllegalArgumentException("face.boxStepLimit must be above 0, was " + boxStepLimit);
    }
    return new FaceOptions(
      engineType,
      PolyglotOptions.from(face, engine.maxFrameBytes(), engine.maxPixels()),
      face.getDouble("poseMotionThreshold", DEFAULT_POSE_MOTION_THRESHOLD),
      poseStepLimit,
      identityCheckEvery,
      boxStepLimit,
      face.getBoolean("enrollmentLiveness", true),
      engine,
      face.getString("engineClass", DEFAULT_ENGINE_CLASS),
      face.getValue("workerPoolSize") == null ? DEFAULT_WORKER_POOL_SIZE : face.getInteger("workerPoolSize"),
      keyDir == null || keyDir.isBlank() ? Path.of(dataDir, "keys") : Path.of(keyDir),
      face.getLong("sessionTtlMs", DEFAULT_SESSION_TTL_MS),
      face.getLong("sessionIdleMs", DEFAULT_SESSION_IDLE_MS),
      face.getDouble("minQuality", DEFAULT_MIN_QUALITY),
      face.getDouble("matchThreshold", DEFAULT_MATCH_THRESHOLD),
      face.getDouble("motionThreshold", DEFAULT_MOTION_THRESHOLD),
      face.getInteger("livenessFrameWindow", DEFAULT_LIVENESS_FRAME_WINDOW),
      face.getInteger("maxTargetFrames", DEFAULT_MAX_TARGET_FRAMES));
  }

  public boolean polyglotEngine() {
    return POLYGLOT.equals(engineType);
  }
}
