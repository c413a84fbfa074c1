package io.gatehouse.face.engine;

import io.gatehouse.contract.face.FrameAnalysis;

/**
 * Analyses one encoded image (JPEG or PNG), statelessly: detection, eye state, head pose, quality, and on
 * request a matching template. Implementations need not be thread-safe; callers keep one per worker thread.
 */
public interface FaceEngine extends AutoCloseable {

  /**
   * What one frame showed; {@code eyeOpenness} is the engine's raw eye score (comparable within one session,
   * not across people); the template is there when asked for and exactly one face was found; the shape
   * (head pose from landmarks) only from engines that find landmarks.
   */
  record Result(FrameAnalysis analysis, double eyeOpenness, FaceTemplate template, FaceShape shape) {

    /** A result without landmarks (engines that do not find them). */
    public Result(FrameAnalysis analysis, double eyeOpenness, FaceTemplate template) {
      this(analysis, eyeOpenness, template, null);
    }
  }

  /** Fails with {@link InvalidFrameException} when the bytes are not a decodable image within limits. */
  Result analyze(byte[] image, boolean withTemplate);

  /** How far apart two templates are: 0 for identical, growing with difference. */
  double distance(FaceTemplate a, FaceTemplate b);

  @Override
  void close();
}
