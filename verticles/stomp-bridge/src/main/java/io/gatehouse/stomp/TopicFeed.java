package io.gatehouse.stomp;

import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.DeliveryBatch;
import io.gatehouse.contract.routing.DeliveryOrder;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.function.Consumer;

/**
 * One subscription's view of a topic, like the action protocol's: what the member missed first (read from the
 * log page by page), then live deliveries in sequence order; a gap in what arrives live (a delivery the bus
 * dropped, a node that died) holds live traffic back while the missing range is read, retried with growing
 * pauses while the cluster heals. Event-loop confined.
 */
final class TopicFeed {

  /** How the feed reads the log: what the member has not acked yet, and what follows a sequence number. */
  interface LogReads {
    Future<DeliveryBatch> pending();

    Future<DeliveryBatch> after(long seq);
  }

  static final int MAX_GAP_ATTEMPTS = 8;
  private static final long GAP_RETRY_STEP_MS = 250;

  private final Vertx vertx;
  private final DeliveryOrder order;
  private final LogReads reads;
  private final Consumer<Delivery> writer;
  private final Consumer<Throwable> lost;
  private boolean stopped;

  /**
   * {@code cursor}: the member's last acked sequence number; {@code writer} gets each delivery once, in
   * order; {@code lost} is told when a gap could not be read (the subscriber must reconnect).
   */
  TopicFeed(Vertx vertx, long cursor, LogReads reads, Consumer<Delivery> writer, Consumer<Throwable> lost) {
    this.vertx = vertx;
    this.order = new DeliveryOrder(cursor);
    this.reads = reads;
    this.writer = writer;
    this.lost = lost;
    order.startCatchUp();
  }

  /** Reads everything pending, live deliveries held meanwhile; completes when the feed is live. */
  Future<Void> start() {
    return reads.pending().compose(this::afterRead);
  }

  void offerLive(Delivery delivery) {
    if (!stopped && order.offerLive(delivery, writer)) {
      catchUpGap(1);
    }
  }

  void stop() {
    stopped = true;
  }

  private Future<Void> afterRead(DeliveryBatch batch) {
    if (stopped) {
      return Future.succeededFuture();
    }
    order.offerCaughtUp(batch.deliveries(), delivery -> writer.accept(delivery.asPending()));
    if (batch.more()) {
      return readOn();
    }
    return order.finishCatchUp(writer) ? readOn() : Future.succeededFuture();
  }

  private Future<Void> readOn() {
    return stopped ? Future.succeededFuture() : reads.after(order.delivered()).compose(this::afterRead);
  }

  private void catchUpGap(int attempt) {
    readOn().onFailure(failure -> {
      if (stopped) {
        return;
      }
      if (attempt >= MAX_GAP_ATTEMPTS) {
        stopped = true;
        lost.accept(failure);
        return;
      }
      vertx.setTimer(GAP_RETRY_STEP_MS * attempt, id -> catchUpGap(attempt + 1));
    });
  }
}
