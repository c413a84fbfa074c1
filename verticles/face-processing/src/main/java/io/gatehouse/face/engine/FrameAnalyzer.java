package io.gatehouse.face.engine;

import io.vertx.core.Future;

import java.util.function.Function;

/**
 * Where frames are analysed, asynchronously: on this node's worker threads ({@code face.engineType} {@code local},
 * an in-process {@link FaceEngine}) or by the polyglot engine workers on the bus ({@code polyglot}).
 */
public interface FrameAnalyzer {

  /** How far apart two templates are: 0 for identical, growing with difference. */
  interface TemplateDistance {
    double between(FaceTemplate a, FaceTemplate b);
  }

  /** Analyses one frame; fails BAD_REQUEST {@code invalid_frame} for an image that is not acceptable. */
  Future<FaceEngine.Result> analyze(byte[] image, boolean withTemplate);

  /**
   * As {@link #analyze(byte[], boolean)}; without {@code withEyes} an engine may skip reading the eyes, and then
   * reports an eye openness of {@code NaN}. Engines that cannot skip it read the eyes anyway.
   */
  default Future<FaceEngine.Result> analyze(byte[] image, boolean withTemplate, boolean withEyes) {
    return analyze(image, withTemplate);
  }

  /** Runs template comparisons off the event loop with this engine's distance. */
  <T> Future<T> compare(Function<TemplateDistance, T> work);

  /** The largest distance accepted as the same person. */
  double matchThreshold();

  Future<Void> close();
}
