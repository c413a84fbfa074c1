package io.gatehouse.face.polyglot;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.face.FaceDescriptors;
import io.gatehouse.face.engine.FaceEngine;
import io.gatehouse.face.engine.FaceTemplate;
import io.gatehouse.face.engine.FrameAnalyzer;
import io.gatehouse.face.engine.ImageGuard;
import io.gatehouse.face.engine.InvalidFrameException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * The polyglot engine as face-processing sees it: a frame goes to {@link Addresses.FaceEngine#ANALYZE} (any
 * worker on any node; the image bytes are base64-encoded once, where the bridge writes its JSON frame) and
 * comes back as landmarks, pose and descriptor. A worker that does not answer in time, fails, or answers
 * garbage costs one attempt; after {@code engineAttempts} the frame fails UNAVAILABLE {@code engine_unavailable}.
 * Descriptors are compared by euclidean distance.
 */
public final class PolyglotAnalyzer implements FrameAnalyzer {

  private static final Logger LOG = LoggerFactory.getLogger(PolyglotAnalyzer.class);
  private static final int BAD_REQUEST = 400;

  private final Vertx vertx;
  private final PolyglotOptions options;
  private final ImageGuard guard;

  public PolyglotAnalyzer(Vertx vertx, PolyglotOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.guard = new ImageGuard(options.maxFrameBytes(), options.maxPixels());
  }

  @Override
  public Future<FaceEngine.Result> analyze(byte[] image, boolean withTemplate) {
    return analyze(image, withTemplate, true);
  }

  @Override
  public Future<FaceEngine.Result> analyze(byte[] image, boolean withTemplate, boolean withEyes) {
    try {
      guard.check(image);
    } catch (InvalidFrameException refused) {
      return ServiceFailure.fail(FailureCode.BAD_REQUEST, "invalid_frame");
    }
    JsonObject request = new JsonObject().put("image", image).put("descriptor", withTemplate).put("eyes", withEyes);
    return attempt(request, withTemplate, withEyes, 1);
  }

  private Future<FaceEngine.Result> attempt(JsonObject request, boolean withTemplate, boolean withEyes, int attempt) {
    return vertx.eventBus().request(Addresses.FaceEngine.ANALYZE, request,
        new DeliveryOptions().setSendTimeout(options.timeoutMs()))
      .map(reply -> EngineReading.read(reply.body(), withTemplate, withEyes, options.eyesOpenEar()))
      .recover(failure -> {
        if (failure instanceof ReplyException refused && refused.failureCode() == BAD_REQUEST) {
          return ServiceFailure.fail(FailureCode.BAD_REQUEST, "invalid_frame");
        }
        LOG.warn("face engine attempt {} of {} failed: {}", attempt, options.attempts(), failure.getMessage());
        return attempt < options.attempts() ? attempt(request, withTemplate, withEyes, attempt + 1)
          : ServiceFailure.fail(FailureCode.UNAVAILABLE, "engine_unavailable");
      });
  }

  @Override
  public <T> Future<T> compare(Function<TemplateDistance, T> work) {
    return vertx.executeBlocking(() -> work.apply(PolyglotAnalyzer::euclidean), false);
  }

  /** Euclidean distance of two descriptors; templates of another engine (other lengths) never match. */
  public static double euclidean(FaceTemplate a, FaceTemplate b) {
    return FaceDescriptors.distance(a.features(), b.features());
  }

  @Override
  public double matchThreshold() {
    return options.matchThreshold();
  }

  @Override
  public Future<Void> close() {
    return Future.succeededFuture();
  }
}
