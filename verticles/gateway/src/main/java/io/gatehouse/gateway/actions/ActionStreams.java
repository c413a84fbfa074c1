package io.gatehouse.gateway.actions;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.routing.CatchUp;
import io.gatehouse.contract.routing.CursorList;
import io.gatehouse.contract.routing.CursorQuery;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.MessagePosition;
import io.gatehouse.contract.routing.DeliveryBatch;
import io.gatehouse.contract.routing.TopicKind;
import io.gatehouse.contract.routing.TopicList;
import io.gatehouse.contract.routing.TopicRef;
import io.gatehouse.contract.routing.UserRef;
import io.gatehouse.edge.BusLogReads;
import io.gatehouse.edge.DeliveryStream;
import io.gatehouse.edge.RecentDeliveries;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The topics one action-protocol connection streams: a {@link DeliveryStream} per topic, joined to this
 * node's live fan-out before its log is read, all started from one catch-up request; and where the last
 * messages it delivered sit, for acks. Event-loop confined.
 */
final class ActionStreams {

  private static final Logger LOG = LoggerFactory.getLogger(ActionStreams.class);

  private record Followed(String address, DeliveryStream stream) {
  }

  private final ActionSession session;
  private final ActionHub hub;
  private final Map<Long, Followed> followed = new HashMap<>(4);
  private final RecentDeliveries recent;
  /** The live frame being offered: its JSON is encoded once for every local connection. */
  private LiveFrame offering;
  private boolean closed;

  ActionStreams(ActionSession session, ActionHub hub) {
    this.session = session;
    this.hub = hub;
    this.recent = new RecentDeliveries(hub.options.ackIndexSize());
  }

  /** After auth: the user's topics from their cursors, pending deliveries first. */
  Future<Void> open(String userId) {
    Future<TopicList> topics = hub.services.retrying(Addresses.Routing.MEMBERSHIPS, new UserRef(userId));
    Future<CursorList> cursors = hub.services.retrying(Addresses.Pending.CURSORS, new CursorQuery(userId));
    return Future.all(topics, cursors).compose(all -> {
      Map<Long, Long> acked = new HashMap<>();
      cursors.result().cursors().forEach(cursor -> acked.put(cursor.topicId(), cursor.afterSeq()));
      return follow(topics.result().topics(), acked);
    });
  }

  /** Starts streaming topics (joining live fan-out first, then reading the log), unless already streamed. */
  Future<Void> follow(List<TopicRef> refs, Map<Long, Long> acked) {
    Map<Long, DeliveryStream> fresh = new HashMap<>();
    List<Future<Void>> joins = new ArrayList<>();
    for (TopicRef ref : refs) {
      // chats belong to the Socket.IO /chat namespace, not to the action protocol
      if (!closed && ref.kind() != TopicKind.CHAT && !followed.containsKey(ref.topicId())) {
        long topicId = ref.topicId();
        String address = Addresses.Delivery.of(ref.kind(), topicId);
        DeliveryStream stream = new DeliveryStream(hub.vertx, acked.getOrDefault(topicId, 0L),
          new BusLogReads(hub.services.requests(), session.userId(), topicId, hub.options.catchUpBatch()),
          this::write, failure -> lost(ref, failure));
        followed.put(topicId, new Followed(address, stream));
        fresh.put(topicId, stream);
        joins.add(hub.topics.join(topicId, address, session));
      }
    }
    if (fresh.isEmpty()) {
      return Future.succeededFuture();
    }
    return Future.all(joins).compose(joined -> hub.services.<DeliveryBatch>retrying(Addresses.Pending.CATCH_UP,
        new CatchUp(session.userId(), List.copyOf(fresh.keySet()), hub.options.catchUpBatch())))
      .compose(page -> DeliveryStream.startAll(fresh, page));
  }

  void unfollow(long topicId) {
    Followed topic = followed.remove(topicId);
    if (topic != null) {
      topic.stream().stop();
      hub.topics.leave(topicId, topic.address(), session);
    }
  }

  /** A live delivery from the topic fan-out. */
  void onLive(LiveFrame frame) {
    Followed topic = followed.get(frame.delivery.topicId());
    if (topic != null) {
      offering = frame;
      try {
        topic.stream().offerLive(frame.delivery);
      } finally {
        offering = null;
      }
    }
  }

  /** Where a message this connection delivered lately sits or null when it is not remembered. */
  MessagePosition positionOf(String messageId) {
    return recent.positionOf(messageId);
  }

  void close() {
    closed = true;
    followed.forEach((topicId, topic) -> {
      topic.stream().stop();
      hub.topics.leave(topicId, topic.address(), session);
    });
    followed.clear();
  }

  private void write(Delivery delivery) {
    LiveFrame frame = offering;
    session.write(delivery, frame != null && frame.delivery == delivery ? frame.text() : null);
    recent.remember(delivery);
  }

  /** A gap that could not be read: the client would miss messages, so it must reconnect and catch up. */
  private void lost(TopicRef topic, Throwable failure) {
    LOG.warn("[{}] {}: gap catch-up failed {} times: {}", session.connectionId(), topic.name(),
      DeliveryStream.MAX_GAP_ATTEMPTS, failure.toString());
    session.tryAgainLater(failure);
  }
}
