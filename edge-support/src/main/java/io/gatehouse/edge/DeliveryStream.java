package io.gatehouse.edge;

import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.DeliveryBatch;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One topic streamed to one member on one connection: the delivery rules every edge shares (the action
 * protocol, Socket.IO chat, STOMP). What the member missed comes first, read from the log page by page;
 * then live deliveries, each sequence number once and in order ({@link DeliveryOrder}). A gap in what
 * arrives live (a delivery the bus dropped, a node that died) holds live traffic back while the missing
 * range is read; a failed read is retried with growing pauses while the cluster heals, and only then is
 * the connection told it lost the stream (it must reconnect and catch up from its cursor).
 * <p>
 * Event-loop confined: one per connection and topic.
 */
public final class DeliveryStream {

  /** How the stream reads the topic's log for its member. */
  public interface LogReads {
    /** What the member has not acked yet, from its cursor. */
    Future<DeliveryBatch> pending();

    /** What follows sequence number {@code seq}. */
    Future<DeliveryBatch> after(long seq);
  }

  /** Reads of a gap tried at most this many times, pausing {@link #RETRY_STEP_MS} times the attempt between. */
  public static final int MAX_GAP_ATTEMPTS = 8;
  static final long RETRY_STEP_MS = 250;

  private final Vertx vertx;
  private final DeliveryOrder order;
  private final LogReads reads;
  private final Consumer<Delivery> writer;
  private final Consumer<Throwable> lost;
  private final long retryStepMs;
  private boolean stopped;

  /**
   * {@code cursor}: the member's last acked sequence number; {@code writer} gets each delivery once, in
   * order (those read from the log marked pending); {@code lost} is told when a gap could not be read.
   * The stream holds live deliveries from the start: call {@link #start} once the live consumer is in place.
   */
  public DeliveryStream(Vertx vertx, long cursor, LogReads reads, Consumer<Delivery> writer, Consumer<Throwable> lost) {
    this(vertx, cursor, reads, writer, lost, RETRY_STEP_MS);
  }

  DeliveryStream(Vertx vertx, long cursor, LogReads reads, Consumer<Delivery> writer, Consumer<Throwable> lost,
                 long retryStepMs) {
    this.vertx = vertx;
    this.retryStepMs = retryStepMs;
    this.order = new DeliveryOrder(cursor);
    this.reads = reads;
    this.writer = writer;
    this.lost = lost;
    order.startCatchUp();
  }

  /** Reads everything pending, live deliveries held meanwhile; completes when the stream is live. */
  public Future<Void> start() {
    return reads.pending().compose(this::afterRead);
  }

  /**
   * Like {@link #start()}, from a first page read elsewhere (one catch-up request for several topics):
   * {@code firstPage} holds this topic's deliveries of it, {@code more} whether the page was cut short.
   */
  public Future<Void> start(List<Delivery> firstPage, boolean more) {
    return afterRead(new DeliveryBatch(firstPage, more));
  }

  /**
   * Starts several streams from one catch-up page read for all their topics at once (fewer requests when
   * a connection opens): each gets its topic's part of {@code page}.
   */
  public static Future<Void> startAll(Map<Long, DeliveryStream> byTopic, DeliveryBatch page) {
    Map<Long, List<Delivery>> parts = new HashMap<>();
    page.deliveries().forEach(delivery -> parts.computeIfAbsent(delivery.topicId(), k -> new ArrayList<>()).add(delivery));
    List<Future<Void>> started = new ArrayList<>();
    byTopic.forEach((topicId, stream) -> started.add(stream.start(parts.getOrDefault(topicId, List.of()), page.more())));
    return Future.all(started).mapEmpty();
  }

  public void offerLive(Delivery delivery) {
    if (!stopped && order.offerLive(delivery, writer)) {
      catchUpGap(1);
    }
  }

  /** The highest sequence number written so far. */
  public long delivered() {
    return order.delivered();
  }

  public void stop() {
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
      vertx.setTimer(retryStepMs * attempt, id -> catchUpGap(attempt + 1));
    });
  }
}
