package io.gatehouse.gateway.bridge;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.routing.Ack;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.TopicRef;
import io.gatehouse.edge.BusLogReads;
import io.gatehouse.edge.CursorWriter;
import io.gatehouse.edge.DeliveryStream;
import io.gatehouse.gateway.ServiceBus;
import io.gatehouse.operations.GatehouseMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;

/**
 * One bridge registration of {@code gatehouse.bridge.topic.<name>}: the topic streamed to that socket by the
 * delivery rules every edge shares ({@link DeliveryStream}): what the member has not acked first (marked
 * {@code pending}), then live deliveries once each and in order, a gap read from the log. Each delivery is
 * written to the socket as the bridge's own {@code rec} frame for the registered address (only this socket
 * gets it; nothing is published on that address) and moves the member's cursor, as a STOMP subscription with
 * {@code ack:auto} does. A gap that cannot be read closes the socket (1011): the client re-registers and
 * catches up. Event-loop confined.
 */
final class BridgeFeed {

  static final String PREFIX = "gatehouse.bridge.topic.";
  static final short CLOSE_LOST = 1011;
  private static final Logger LOG = LoggerFactory.getLogger(BridgeFeed.class);

  private final SockJSSocket socket;
  private final String address;
  private final DeliveryStream stream;
  private final CursorWriter cursor;
  private final MessageConsumer<Delivery> live;

  /** Follows live at once (held by the stream until the catch-up read is done: call {@link #start}). */
  private BridgeFeed(Vertx vertx, ServiceBus services, SockJSSocket socket, String userId, TopicRef topic,
                     BusLogReads reads, long acked) {
    this.socket = socket;
    this.address = PREFIX + topic.name();
    this.cursor = new CursorWriter(seq -> services.retrying(Addresses.Pending.ACK,
      new Ack(userId, topic.topicId(), seq)));
    this.stream = new DeliveryStream(vertx, acked, reads, this::write, this::lost);
    this.live = vertx.eventBus().consumer(Addresses.Delivery.topic(topic.topicId()),
      message -> stream.offerLive(message.body()));
  }

  /** Reads the member's cursor, then follows from it (nothing is written before {@link #start}). */
  static Future<BridgeFeed> open(Vertx vertx, ServiceBus services, SockJSSocket socket, String userId,
                                 TopicRef topic, int catchUpBatch) {
    BusLogReads reads = new BusLogReads(services.requests(), userId, topic.topicId(), catchUpBatch);
    return reads.cursor().map(acked -> new BridgeFeed(vertx, services, socket, userId, topic, reads, acked));
  }

  /** Completes once the live consumer is in place; the catch-up then runs, live deliveries held meanwhile. */
  Future<Void> start() {
    return live.completion().onSuccess(v -> stream.start().onFailure(this::lost));
  }

  void stop() {
    stream.stop();
    live.unregister();
  }

  private void write(Delivery delivery) {
    JsonObject body = json(delivery);
    if (delivery.pending()) {
      body.put("pending", true);
    }
    socket.write(new JsonObject().put("type", "rec").put("address", address).put("body", body).toBuffer());
    GatehouseMetrics.delivered(GatehouseMetrics.BRIDGE, 1);
    cursor.store(delivery.seq());
  }

  private void lost(Throwable failure) {
    LOG.warn("bridge socket lost {}: gap catch-up failed {} times: {}", address, DeliveryStream.MAX_GAP_ATTEMPTS,
      failure.toString());
    socket.close(CLOSE_LOST, "could not catch up; register again");
  }

  static JsonObject json(Delivery delivery) {
    return new JsonObject()
      .put("topic_name", delivery.topicName())
      .put("content", delivery.content())
      .put("from", delivery.senderName())
      .put("message_id", delivery.messageId())
      .put("seq", delivery.seq())
      .put("sent_at", Instant.ofEpochMilli(delivery.sentAt()).toString());
  }
}
