package io.gatehouse.face;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.face.engine.EngineOptions;
import io.gatehouse.face.engine.FaceEngine;
import io.gatehouse.face.engine.FrameAnalyzer;
import io.gatehouse.face.engine.InvalidFrameException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;

import java.util.function.Function;

/**
 * The local engine ({@code face.engineType} {@code local}): engine work on a shared worker pool
 * ({@code face.workerPoolSize} threads), never on an event loop. Engines are not thread-safe, so each worker
 * thread builds its own, of the configured class.
 */
final class FaceWorkers implements FrameAnalyzer {

  static final String POOL_NAME = "gatehouse-face";

  private final WorkerExecutor executor;
  private final ThreadLocal<FaceEngine> engines;
  private final double matchThreshold;

  FaceWorkers(Vertx vertx, FaceOptions options) {
    this.executor = vertx.createSharedWorkerExecutor(POOL_NAME, options.workerPoolSize());
    this.engines = ThreadLocal.withInitial(() -> create(options.engineClass(), options.engine()));
    this.matchThreshold = options.matchThreshold();
  }

  @Override
  public Future<FaceEngine.Result> analyze(byte[] image, boolean withTemplate) {
    return run(engine -> engine.analyze(image, withTemplate));
  }

  @Override
  public <T> Future<T> compare(Function<TemplateDistance, T> work) {
    return run(engine -> work.apply(engine::distance));
  }

  @Override
  public double matchThreshold() {
    return matchThreshold;
  }

  /** Runs {@code work} with this thread's engine; an invalid frame fails BAD_REQUEST {@code invalid_frame}. */
  <T> Future<T> run(Function<FaceEngine, T> work) {
    return executor.<T>executeBlocking(() -> work.apply(engines.get()), false)
      .recover(failure -> failure instanceof InvalidFrameException
        ? ServiceFailure.fail(FailureCode.BAD_REQUEST, "invalid_frame")
        : Future.failedFuture(failure));
  }

  @Override
  public Future<Void> close() {
    return executor.close();
  }

  static FaceEngine create(String className, EngineOptions options) {
    try {
      return (FaceEngine) Class.forName(className).getConstructor(EngineOptions.class).newInstance(options);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException("face.engineClass " + className
        + " must implement FaceEngine with a public (EngineOptions) constructor", e);
    }
  }
}
