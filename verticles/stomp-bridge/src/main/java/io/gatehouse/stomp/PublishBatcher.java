package io.gatehouse.stomp;

import io.gatehouse.contract.routing.Publish;
import io.gatehouse.contract.routing.PublishBatch;
import io.gatehouse.contract.routing.Published;
import io.gatehouse.contract.routing.PublishedBatch;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * One connection's SENDs on their way to topic-routing. One {@link PublishBatch} is under way at a time, so
 * the log holds the messages in the order the client sent them; SENDs that arrive meanwhile queue and go
 * together (at most {@code maxBatch}) once it is answered. Entries the sender's message quota deferred stay
 * at the head of the queue and go again after the wait the reply named: a fast publisher is slowed (its
 * frames stay unfinished, so the session stops reading its socket), never refused for its rate.
 * Connection-confined.
 */
final class PublishBatcher {

  private record Waiting(Publish publish, Promise<Published> reply) {
  }

  private final Vertx vertx;
  private final int maxBatch;
  private final Function<PublishBatch, Future<PublishedBatch>> send;
  private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
  private boolean busy;
  private long retryTimer = -1;
  private boolean stopped;

  PublishBatcher(Vertx vertx, int maxBatch, Function<PublishBatch, Future<PublishedBatch>> send) {
    this.vertx = vertx;
    this.maxBatch = maxBatch;
    this.send = send;
  }

  /** Completes once the message is committed, or fails as a single publish would have. */
  Future<Published> submit(Publish publish) {
    if (stopped) {
      return Future.failedFuture(new StompRefusal("Connection closed"));
    }
    Promise<Published> reply = Promise.promise();
    queue.add(new Waiting(publish, reply));
    flush();
    return reply.future();
  }

  /** The connection is gone: nothing more is sent, what waits fails. */
  void stop() {
    stopped = true;
    if (retryTimer >= 0) {
      vertx.cancelTimer(retryTimer);
    }
    Waiting waiting;
    while ((waiting = queue.poll()) != null) {
      waiting.reply().tryFail(new StompRefusal("Connection closed"));
    }
  }

  private void flush() {
    if (busy || stopped || queue.isEmpty()) {
      return;
    }
    busy = true;
    List<Publish> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
    for (Waiting waiting : queue) {
      if (batch.size() == maxBatch) {
        break;
      }
      batch.add(waiting.publish());
    }
    Future<PublishedBatch> answer;
    try {
      answer = send.apply(new PublishBatch(batch));
    } catch (RuntimeException e) {
      answer = Future.failedFuture(e);
    }
    answer.onComplete(done -> answered(batch.size(), done));
  }

  private void answered(int sent, AsyncResult<PublishedBatch> done) {
    if (stopped) {
      return;
    }
    PublishedBatch reply = done.result();
    if (done.failed() || reply.outcomes().size() + reply.deferred() != sent) {
      Throwable failure = done.failed() ? done.cause() : new IllegalStateException("batch reply does not match");
      for (int i = 0; i < sent; i++) {
        queue.poll().reply().fail(failure);
      }
      busy = false;
      flush();
      return;
    }
    reply.outcomes().forEach(outcome -> queue.poll().reply().handle(outcome.toFuture()));
    if (reply.deferred() == 0) {
      busy = false;
      flush();
      return;
    }
    retryTimer = vertx.setTimer(Math.max(1, reply.retryAfterMs()), t -> {
      retryTimer = -1;
      busy = false;
      flush();
    });
  }
}
