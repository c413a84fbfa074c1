package io.gatehouse.operations;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.shareddata.Shareable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * One per Vert.x instance: the goodbyes a node says before it undeploys. Edges register how they stop
 * accepting and say goodbye in their protocol ({@link Phase#EDGES}); services register how they flush what
 * they batch ({@link Phase#DRAIN}). {@link #shutDown} runs every edge hook, then every drain hook, each on
 * the context that registered it, within one deadline; what has not finished by then is logged and left.
 */
public final class ShutdownCoordinator implements Shareable {

  private static final Logger LOG = LoggerFactory.getLogger(ShutdownCoordinator.class);
  private static final String MAP = "gatehouse.operations";

  /** When a hook runs: edges first (no new work arrives), then drains (work in flight is finished). */
  public enum Phase { EDGES, DRAIN }

  private record Hook(String name, Phase phase, Context context, Supplier<Future<?>> action) {
  }

  private final Vertx vertx;
  private final List<Hook> hooks = new CopyOnWriteArrayList<>();
  private final AtomicBoolean shuttingDown = new AtomicBoolean();

  private ShutdownCoordinator(Vertx vertx) {
    this.vertx = vertx;
  }

  public static ShutdownCoordinator of(Vertx vertx) {
    return vertx.sharedData().<String, ShutdownCoordinator>getLocalMap(MAP)
      .computeIfAbsent("shutdown", key -> new ShutdownCoordinator(vertx));
  }

  /**
   * Registers {@code action}, to run on the calling verticle's context; the returned handle removes it
   * (call it from the verticle's {@code stop()}).
   */
  public Runnable onShutdown(String name, Phase phase, Supplier<Future<?>> action) {
    Context context = vertx.getOrCreateContext();
    Hook hook = new Hook(name, phase, context, action);
    hooks.add(hook);
    return () -> hooks.remove(hook);
  }

  public boolean isShuttingDown() {
    return shuttingDown.get();
  }

  /** Runs the hooks once (later calls return at once); succeeds when all finished, fails at the deadline. */
  public Future<Void> shutDown(long deadlineMs) {
    if (!shuttingDown.compareAndSet(false, true)) {
      return Future.succeededFuture();
    }
    long started = System.nanoTime();
    Promise<Void> done = Promise.promise();
    run(Phase.EDGES).compose(v -> run(Phase.DRAIN)).onComplete(result -> done.tryComplete());
    long timer = vertx.setTimer(deadlineMs, id -> done.tryFail("shutdown deadline of " + deadlineMs + " ms reached"));
    return done.future()
      .onSuccess(v -> LOG.info("graceful shutdown: goodbyes said and batches drained in {} ms",
        (System.nanoTime() - started) / 1_000_000))
      .onFailure(failure -> LOG.warn("graceful shutdown: {}; undeploying anyway", failure.getMessage()))
      .onComplete(v -> vertx.cancelTimer(timer));
  }

  private Future<Void> run(Phase phase) {
    List<Future<?>> running = hooks.stream().filter(hook -> hook.phase() == phase).<Future<?>>map(this::run).toList();
    return Future.join(running).mapEmpty();
  }

  private Future<?> run(Hook hook) {
    Promise<Object> promise = Promise.promise();
    hook.context().runOnContext(v -> {
      try {
        hook.action().get().onComplete(result -> {
          if (result.failed()) {
            LOG.warn("graceful shutdown: {} failed: {}", hook.name(), result.cause().getMessage());
          }
          promise.tryComplete();
        });
      } catch (RuntimeException e) {
        LOG.warn("graceful shutdown: {} failed: {}", hook.name(), e.getMessage());
        promise.tryComplete();
      }
    });
    return promise.future();
  }
}
