package io.gatehouse.contract;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * Requests to Gatehouse services over the event bus, in three kinds:
 * <ul>
 *   <li>{@link #request}: to any instance, waiting up to the whole timeout;</li>
 *   <li>{@link #nearest}: to an instance on this node when there is one (no network hop, and never a node
 *   that died a moment ago), else to any instance; sent once, so it suits requests that must not be
 *   repeated, such as appends;</li>
 *   <li>{@link #retrying}: like {@code nearest}, but an attempt that gets no answer within the attempt
 *   timeout (its instance may be on a node that died and that the cluster has not yet removed) is sent
 *   again, round robin to the next instance, until the whole timeout is spent; for requests that may
 *   safely run twice (reads, catch-ups, cursor moves that keep the greatest value).</li>
 * </ul>
 * A failure the service itself answered is returned at once, whatever the kind.
 */
public final class ServiceRequests {

  /** Pause before asking again when no instance was registered at all (a service still starting). */
  private static final long NO_HANDLER_PAUSE_MS = 100;

  private final Vertx vertx;
  private final long timeoutMs;
  private final long attemptTimeoutMs;
  private final DeliveryOptions anywhere;

  public ServiceRequests(Vertx vertx, long timeoutMs, long attemptTimeoutMs) {
    if (timeoutMs <= 0 || attemptTimeoutMs <= 0) {
      throw new IllegalArgumentException("request timeouts must be positive");
    }
    this.vertx = vertx;
    this.timeoutMs = timeoutMs;
    this.attemptTimeoutMs = Math.min(attemptTimeoutMs, timeoutMs);
    this.anywhere = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  public long timeoutMs() {
    return timeoutMs;
  }

  public <T> Future<T> request(String address, Object body) {
    return vertx.eventBus().<T>request(address, body, anywhere).map(Message::body);
  }

  public <T> Future<T> request(String address, Object body, long timeoutMs) {
    return vertx.eventBus().<T>request(address, body, new DeliveryOptions().setSendTimeout(timeoutMs))
      .map(Message::body);
  }

  public <T> Future<T> nearest(String address, Object body) {
    return this.<T>send(address, body, true, timeoutMs).recover(failure -> isNoHandlers(failure)
      ? request(address, body)
      : Future.failedFuture(failure));
  }

  public <T> Future<T> retrying(String address, Object body) {
    Promise<T> result = Promise.promise();
    attempt(address, body, true, System.nanoTime() + timeoutMs * 1_000_000L, result);
    return result.future();
  }

  private <T> void attempt(String address, Object body, boolean localOnly, long deadlineNanos, Promise<T> result) {
    long leftMs = (deadlineNanos - System.nanoTime()) / 1_000_000L;
    this.<T>send(address, body, localOnly, Math.max(1, Math.min(attemptTimeoutMs, leftMs))).onComplete(done -> {
      if (done.succeeded()) {
        result.complete(done.result());
        return;
      }
      Throwable failure = done.cause();
      long remainingMs = (deadlineNanos - System.nanoTime()) / 1_000_000L;
      if (localOnly && isNoHandlers(failure)) {
        attempt(address, body, false, deadlineNanos, result);
      } else if (!isBusFailure(failure) || remainingMs <= 0) {
        result.fail(failure);
      } else if (isNoHandlers(failure)) {
        vertx.setTimer(Math.min(NO_HANDLER_PAUSE_MS, remainingMs),
          id -> attempt(address, body, false, deadlineNanos, result));
      } else {
        attempt(address, body, false, deadlineNanos, result);
      }
    });
  }

  private <T> Future<T> send(String address, Object body, boolean localOnly, long attemptMs) {
    DeliveryOptions options = new DeliveryOptions().setSendTimeout(attemptMs).setLocalOnly(localOnly);
    return vertx.eventBus().<T>request(address, body, options).map(Message::body);
  }

  private static boolean isNoHandlers(Throwable failure) {
    return failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.NO_HANDLERS;
  }

  /** No instance answered (none registered, or none in time), as opposed to an answer that was a failure. */
  private static boolean isBusFailure(Throwable failure) {
    return failure instanceof ReplyException reply
      && (reply.failureType() == ReplyFailure.NO_HANDLERS || reply.failureType() == ReplyFailure.TIMEOUT);
  }
}
