package io.gatehouse.stomp;

import io.gatehouse.operations.GatehouseMetrics;
import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.auth.Principal;
import io.gatehouse.contract.auth.VerifyToken;
import io.gatehouse.contract.routing.Ack;
import io.gatehouse.contract.routing.AckedAhead;
import io.gatehouse.contract.routing.AheadQuery;
import io.gatehouse.contract.routing.CursorList;
import io.gatehouse.contract.routing.CursorQuery;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.Publish;
import io.gatehouse.contract.routing.PublishBatch;
import io.gatehouse.contract.routing.PublishedBatch;
import io.gatehouse.contract.routing.RangeStart;
import io.gatehouse.contract.routing.TopicList;
import io.gatehouse.contract.routing.TopicMembership;
import io.gatehouse.contract.routing.TopicRef;
import io.gatehouse.contract.routing.UserRef;
import io.gatehouse.edge.BusLogReads;
import io.gatehouse.edge.CursorWriter;
import io.gatehouse.edge.DeliveryStream;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * STOMP for Gatehouse topics: {@code /topic/<name>} is the topic of that name, with the membership rules and
 * the log of the action protocol. CONNECT carries a user JWT as {@code passcode} or in an
 * {@code Authorization} header. Missed messages arrive first (header {@code pending:true}), and so does what a
 * gap in the live sequence left out (edge-support's {@link DeliveryStream}); ACK modes move the member's cursor in pending-delivery.
 */
final class TopicSession extends StompSession {

  static final String TOPIC_PREFIX = "/topic/";
  private static final Logger LOG = LoggerFactory.getLogger(TopicSession.class);

  private final StompServices services;
  private final PublishBatcher publishes;
  private final Map<String, Subscription> subscriptions = new HashMap<>();
  private Principal principal;

  /** One SUBSCRIBE: its topic, its ack ledger, its feed of deliveries and the live consumer behind that. */
  private final class Subscription {
    final String id;
    final TopicRef topic;
    final AckLedger ledger;
    final DeliveryStream feed;
    final MessageConsumer<Delivery> consumer;
    final CursorWriter cursors;

    /** Listens live at once (held by the feed until what is pending has been read). */
    Subscription(String id, TopicRef topic, AckLedger.Mode mode, long cursor, AckedAhead ahead) {
      this.id = id;
      this.topic = topic;
      this.ledger = new AckLedger(mode, cursor, Set.copyOf(ahead.seqs()));
      this.cursors = new CursorWriter(acked -> services.retrying(Addresses.Pending.ACK,
        new Ack(principal.subject(), topic.topicId(), acked)));
      this.feed = new DeliveryStream(vertx, cursor,
        new BusLogReads(services.requests(), principal.subject(), topic.topicId(), options.catchUpBatch()),
        delivery -> deliver(this, delivery), failure -> lost(this, failure));
      this.consumer = vertx.eventBus().consumer(Addresses.Delivery.topic(topic.topicId()),
        message -> feed.offerLive(message.body()));
    }

    Future<Void> cancel() {
      feed.stop();
      return consumer.unregister();
    }
  }

  TopicSession(StompServices services, StompOptions options, Transport transport) {
    super(services.vertx(), options, transport, UUID.randomUUID().toString().substring(0, 8));
    this.services = services;
    this.publishes = new PublishBatcher(vertx, Math.min(options.maxFramesInFlight(), PublishBatch.MAX_ENTRIES),
      batch -> services.<PublishedBatch>nearest(Addresses.Routing.PUBLISH_BATCH, batch));
  }

  @Override
  protected Future<String> authenticate(StompFrame connect) {
    String token = connect.header("passcode");
    String authorization = connect.header("Authorization");
    if ((token == null || token.isEmpty()) && authorization != null && authorization.regionMatches(true, 0, "Bearer ",
      0, 7)) {
      token = authorization.substring(7).trim();
    }
    if (token == null || token.isEmpty()) {
      return Future.failedFuture(new StompRefusal("Authentication required: a JWT as passcode"));
    }
    return services.<Principal>retrying(Addresses.Auth.VERIFY_TOKEN, new VerifyToken(token))
      .recover(failure -> Future.failedFuture(new StompRefusal("Invalid token")))
      .compose(verified -> verified.isUser() ? Future.succeededFuture(verified)
        : Future.failedFuture(new StompRefusal("A user token is required")))
      .map(verified -> {
        principal = verified;
        return verified.name();
      });
  }

  /** The authenticated user's id, or null before CONNECT succeeded. */
  String userId() {
    return principal == null ? null : principal.subject();
  }

  @Override
  protected Future<Void> subscribe(StompFrame frame) {
    String name = topicName(frame.header("destination"));
    AckLedger.Mode mode = AckLedger.Mode.of(frame.header("ack"));
    // STOMP 1.0 makes the subscription id optional: the destination stands in for it
    String subscriptionId = frame.header("id") == null && version().equals("1.0") ? frame.header("destination")
      : frame.header("id");
    if (subscriptionId == null || subscriptions.containsKey(subscriptionId) || mode == null) {
      return Future.failedFuture(new StompRefusal("SUBSCRIBE needs a new id and ack auto, client or client-individual"));
    }
    return join(name).compose(topic -> cursorOf(topic).compose(cursor -> ackedAhead(topic).compose(ahead -> {
      Subscription subscription = new Subscription(subscriptionId, topic, mode, cursor, ahead);
      subscriptions.put(subscription.id, subscription);
      return subscription.consumer.completion().compose(v -> subscription.feed.start());
    })));
  }

  private Future<AckedAhead> ackedAhead(TopicRef topic) {
    return services.request(Addresses.Pending.ACKED_AHEAD, new AheadQuery(principal.subject(), topic.topicId()));
  }

  /** The member's last acked sequence number in the topic (0 when it never acked). */
  private Future<Long> cursorOf(TopicRef topic) {
    return services.<CursorList>retrying(Addresses.Pending.CURSORS, new CursorQuery(principal.subject()))
      .map(list -> list.cursors().stream().filter(cursor -> cursor.topicId() == topic.topicId())
        .mapToLong(RangeStart::afterSeq).findFirst().orElse(0L));
  }

  /** A gap that could not be read: the subscriber would miss messages, so it must reconnect and catch up. */
  private void lost(Subscription subscription, Throwable failure) {
    LOG.warn("[{}] {}: gap catch-up failed {} times: {}", id, subscription.topic.name(), DeliveryStream.MAX_GAP_ATTEMPTS,
      failure.toString());
    refuse("Could not catch up on " + TOPIC_PREFIX + subscription.topic.name() + "; reconnect");
  }

  /**
   * The topic when the user is a member already, else joins it (public topics only, as the action protocol).
   * Another connection of the same user may join at the same moment: a conflict means it did.
   */
  private Future<TopicRef> join(String name) {
    return memberTopic(name).compose(found -> found != null ? Future.succeededFuture(found)
      : services.<TopicRef>request(Addresses.Routing.SUBSCRIBE, new TopicMembership(principal.subject(), name))
        .recover(failure -> ServiceFailure.codeOf(failure) != FailureCode.CONFLICT ? Future.failedFuture(failure)
          : memberTopic(name).compose(again -> again != null ? Future.succeededFuture(again)
            : Future.failedFuture(failure))));
  }

  /** The topic of that name among the user's memberships, or null. */
  private Future<TopicRef> memberTopic(String name) {
    return services.<TopicList>request(Addresses.Routing.MEMBERSHIPS, new UserRef(principal.subject()))
      .map(list -> list.topics().stream().filter(topic -> topic.name().equals(name)).findFirst().orElse(null));
  }


  private void deliver(Subscription subscription, Delivery delivery) {
    if (isClosed()) {
      return;
    }
    if (subscription.ledger.ackedBefore(delivery.seq())) {
      storeCursor(subscription, subscription.ledger.skipped(delivery.seq()));
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("destination", TOPIC_PREFIX + subscription.topic.name());
    headers.put("subscription", subscription.id);
    headers.put("message-id", delivery.messageId());
    headers.put("from", delivery.senderName());
    headers.put("sent-at", Instant.ofEpochMilli(delivery.sentAt()).toString());
    headers.put("seq", Long.toString(delivery.seq()));
    if (delivery.pending()) {
      headers.put("pending", "true");
    }
    if (subscription.ledger.mode() != AckLedger.Mode.AUTO) {
      headers.put("ack", delivery.messageId());
    }
    Buffer body = StoredMessage.restore(delivery, headers);
    write(new StompFrame("MESSAGE", headers, body));
    GatehouseMetrics.delivered(GatehouseMetrics.STOMP, 1);
    storeCursor(subscription, subscription.ledger.written(delivery.seq(), delivery.messageId()));
  }

  @Override
  protected Future<Void> ack(StompFrame frame, boolean positive) {
    // STOMP 1.2 acks by the MESSAGE's ack header (sent back as id), 1.0 and 1.1 by its message-id
    String messageId = frame.header("id") != null ? frame.header("id") : frame.header("message-id");
    Subscription owner = subscriptions.values().stream().filter(s -> s.ledger.knows(messageId)).findFirst()
      .orElse(null);
    if (owner == null) {
      return Future.failedFuture(new StompRefusal("No unacknowledged message " + messageId));
    }
    // A NACK leaves the cursor where it is: the message stays pending and is delivered again on reconnect.
    if (!positive) {
      return Future.succeededFuture();
    }
    long seq = owner.ledger.seqOf(messageId);
    Future<Void> stored = storeCursor(owner, owner.ledger.ack(messageId));
    // client-individual: an ack the cursor does not cover yet is remembered on its own
    return owner.ledger.mode() != AckLedger.Mode.CLIENT_INDIVIDUAL || owner.ledger.cursor() >= seq ? stored
      : stored.compose(v -> services.request(Addresses.Pending.ACK_ONE,
        new Ack(principal.subject(), owner.topic.topicId(), seq)).mapEmpty());
  }

  private Future<Void> storeCursor(Subscription subscription, long cursor) {
    return subscription.cursors.store(cursor);
  }

  /**
   * SENDs may be pipelined: the connection's SENDs go to topic-routing in batches, one batch at a time, so
   * they are committed in the order the client sent them, whatever instance appends.
   */
  @Override
  protected boolean pipelinesSends() {
    return true;
  }

  /** Committed with the SENDs queued beside it; the sender's message quota delays it, never refuses it. */
  @Override
  protected Future<Void> send(StompFrame frame) {
    String name = topicName(frame.header("destination"));
    StoredMessage stored = StoredMessage.of(frame);
    return publishes.submit(Publish.toTopic(principal.subject(), principal.name(), name, stored.content(),
      stored.attributes())).mapEmpty();
  }

  @Override
  protected Future<Void> unsubscribe(StompFrame frame) {
    String subscriptionId = frame.header("id") != null ? frame.header("id") : frame.header("destination");
    Subscription subscription = subscriptionId == null ? null : subscriptions.remove(subscriptionId);
    return subscription == null ? Future.failedFuture(new StompRefusal("No subscription " + subscriptionId))
      : subscription.cancel();
  }

  @Override
  protected void closed(int code) {
    publishes.stop();
    subscriptions.values().forEach(Subscription::cancel);
    subscriptions.clear();
  }

  private static String topicName(String destination) {
    if (destination == null || !destination.startsWith(TOPIC_PREFIX) || destination.length() == TOPIC_PREFIX.length()) {
      throw new StompRefusal(destination == null ? "A destination header is required"
        : "Unknown destination " + destination + ": destinations are /topic/<name>");
    }
    return destination.substring(TOPIC_PREFIX.length());
  }
}
