package io.gatehouse.edge;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Keeps one connection's publishes to one target in the order the client sent them. A client may pipeline
 * (send without waiting for replies), but each topic-routing instance commits its own batches: two
 * messages that went to two instances (on one node or on two) could be committed in either order. So a
 * lane sends a target's next publish only once the previous one has been answered; publishes to other
 * targets go meanwhile. A lane that empties is dropped, so an idle connection keeps nothing.
 * <p>
 * Not thread-safe: one per connection (or per bridge), on its event loop.
 */
public final class PublishLanes {

  private final Map<Object, ArrayDeque<Runnable>> busy = new HashMap<>(4);

  /**
   * Runs {@code send} once every earlier publish submitted with the same {@code key} is answered; the
   * returned future completes with its result.
   */
  public <R> Future<R> submit(Object key, Supplier<Future<R>> send) {
    Promise<R> result = Promise.promise();
    ArrayDeque<Runnable> waiting = busy.get(key);
    if (waiting == null) {
      busy.put(key, new ArrayDeque<>(2));
      start(key, send, result);
    } else {
      waiting.add(() -> start(key, send, result));
    }
    return result.future();
  }

  /** Lanes with a publish under way (for tests and memory accounting). */
  public int busyLanes() {
    return busy.size();
  }

  private <R> void start(Object key, Supplier<Future<R>> send, Promise<R> result) {
    Future<R> sent;
    try {
      sent = send.get();
    } catch (RuntimeException e) {
      sent = Future.failedFuture(e);
    }
    if (sent.isComplete()) {
      // answered at once (refused before leaving): go on from the event loop, not deeper in this stack
      result.handle(sent);
      Context context = Vertx.currentContext();
      if (context != null) {
        context.runOnContext(v -> next(key));
      } else {
        next(key);
      }
      return;
    }
    sent.onComplete(done -> {
      result.handle(done);
      next(key);
    });
  }

  private void next(Object key) {
    ArrayDeque<Runnable> waiting = busy.get(key);
    Runnable following = waiting == null ? null : waiting.poll();
    if (following == null) {
      busy.remove(key);
    } else {
      following.run();
    }
  }
}
