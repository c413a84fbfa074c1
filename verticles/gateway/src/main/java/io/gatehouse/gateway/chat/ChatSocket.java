package io.gatehouse.gateway.chat;

import io.gatehouse.operations.GatehouseMetrics;
import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.auth.Principal;
import io.gatehouse.contract.gateway.MembershipChange;
import io.gatehouse.contract.gateway.MessageSeen;
import io.gatehouse.contract.routing.ChatList;
import io.gatehouse.contract.routing.ChatRef;
import io.gatehouse.contract.routing.CatchUp;
import io.gatehouse.contract.routing.CursorList;
import io.gatehouse.contract.routing.CursorQuery;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.DeliveryBatch;
import io.gatehouse.contract.routing.MessagePosition;
import io.gatehouse.contract.routing.RangeStart;
import io.gatehouse.contract.routing.ReadRange;
import io.gatehouse.contract.routing.TopicKind;
import io.gatehouse.contract.routing.UserRef;
import io.gatehouse.gateway.actions.TopicStream;
import io.gatehouse.gateway.socketio.ClientSocket;
import io.gatehouse.gateway.socketio.NamespaceSocket;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One authenticated socket in {@code /chat}: it is in the room of every chat of its user, streams each
 * chat's log in order from the user's cursor (stored messages first, then live ones, each once), and
 * hands client events to {@link ChatActions}. Event-loop confined.
 */
final class ChatSocket implements NamespaceSocket {

  private static final Logger LOG = LoggerFactory.getLogger(ChatSocket.class);

  final ChatHub hub;
  final ClientSocket client;
  final Principal principal;
  private final Map<Long, TopicStream> streams = new HashMap<>(4);
  private final Map<String, MessagePosition> delivered;
  private boolean gone;

  ChatSocket(ChatHub hub, ClientSocket client, Principal principal) {
    this.hub = hub;
    this.client = client;
    this.principal = principal;
    int capacity = hub.options.ackIndexSize();
    this.delivered = new LinkedHashMap<>(16, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, MessagePosition> eldest) {
        return size() > capacity;
      }
    };
  }

  String userId() {
    return principal.subject();
  }

  @Override
  public void onJoined() {
    Future<ChatList> chats = hub.services.request(Addresses.Routing.CHAT_LIST, new UserRef(userId()));
    Future<CursorList> cursors = hub.services.request(Addresses.Pending.CURSORS, new CursorQuery(userId()));
    Future.all(chats, cursors, hub.users.join(userId(), Addresses.Sessions.user(userId()), this),
        hub.receipts.join(userId(), Addresses.Sessions.seen(userId()), this))
      .compose(all -> {
        Map<Long, Long> acked = new HashMap<>();
        cursors.result().cursors().forEach(cursor -> acked.put(cursor.topicId(), cursor.afterSeq()));
        return follow(chats.result().chats().stream().map(ChatRef::topicId).toList(), acked);
      })
      .onFailure(failure -> {
        LOG.warn("[{}] could not open the chat rooms: {}", client.id(), failure.toString());
        client.disconnect();
      });
  }

  @Override
  public void onEvent(String event, Object argument, Acknowledgement ack) {
    ChatActions.handle(this, event, argument, ack);
  }

  @Override
  public void onDisconnect(String reason) {
    gone = true;
    streams.keySet().forEach(topicId -> hub.rooms.leave(topicId, Addresses.Delivery.of(TopicKind.CHAT, topicId), this));
    streams.clear();
    hub.users.leave(userId(), Addresses.Sessions.user(userId()), this);
    hub.receipts.leave(userId(), Addresses.Sessions.seen(userId()), this);
  }

  @Override
  public void onBinaryRefused(String event, Acknowledgement ack) {
    ChatActions.refuseBinary(this, event, ack);
  }

  /** A message of one of this user's chats was marked seen (by this user or the other member). */
  void onSeen(MessageSeen seen) {
    if (!gone) {
      client.emit(ChatEvents.MESSAGE_RECEIVED, ChatEvents.received(seen.messageId()));
    }
  }

  boolean following(long topicId) {
    return streams.containsKey(topicId);
  }

  /** Joins chat rooms (live fan-out first, then the log from the cursor); rooms already joined are skipped. */
  Future<Void> follow(List<Long> topicIds, Map<Long, Long> acked) {
    List<Long> fresh = new ArrayList<>();
    List<Future<Void>> joins = new ArrayList<>();
    for (Long topicId : topicIds) {
      if (!gone && !streams.containsKey(topicId)) {
        TopicStream stream = new TopicStream(acked.getOrDefault(topicId, 0L));
        stream.startCatchUp();
        streams.put(topicId, stream);
        fresh.add(topicId);
        joins.add(hub.rooms.join(topicId, Addresses.Delivery.of(TopicKind.CHAT, topicId), this));
      }
    }
    if (fresh.isEmpty()) {
      return Future.succeededFuture();
    }
    return Future.all(joins).compose(joined -> hub.services.<DeliveryBatch>request(Addresses.Pending.CATCH_UP,
        new CatchUp(userId(), fresh, hub.options.catchUpBatch())))
      .compose(batch -> afterRead(fresh, batch));
  }

  private Future<Void> afterRead(List<Long> topicIds, DeliveryBatch batch) {
    Map<Long, List<Delivery>> byTopic = new LinkedHashMap<>();
    batch.deliveries().forEach(delivery -> byTopic.computeIfAbsent(delivery.topicId(), k -> new ArrayList<>()).add(delivery));
    byTopic.forEach((topicId, deliveries) -> {
      TopicStream stream = streams.get(topicId);
      if (stream != null) {
        stream.offerCaughtUp(deliveries, delivery -> emit(delivery.asPending()));
      }
    });
    if (batch.more()) {
      return readOn(topicIds);
    }
    List<Long> gaps = new ArrayList<>();
    for (Long topicId : topicIds) {
      TopicStream stream = streams.get(topicId);
      if (stream != null && stream.finishCatchUp(this::emit)) {
        gaps.add(topicId);
      }
    }
    return gaps.isEmpty() ? Future.succeededFuture() : readOn(gaps);
  }

  private Future<Void> readOn(List<Long> topicIds) {
    List<RangeStart> starts = new ArrayList<>();
    for (Long topicId : topicIds) {
      TopicStream stream = streams.get(topicId);
      if (stream != null) {
        starts.add(new RangeStart(topicId, stream.delivered()));
      }
    }
    if (gone || starts.isEmpty()) {
      return Future.succeededFuture();
    }
    List<Long> live = starts.stream().map(RangeStart::topicId).toList();
    return hub.services.<DeliveryBatch>request(Addresses.Routing.READ_RANGE,
        new ReadRange(userId(), starts, hub.options.catchUpBatch()))
      .compose(batch -> afterRead(live, batch));
  }

  /** A committed message of one of this node's chat rooms. */
  void onLive(Delivery delivery) {
    TopicStream stream = streams.get(delivery.topicId());
    if (stream != null && !gone && stream.offerLive(delivery, this::emit)) {
      readOn(List.of(delivery.topicId())).onFailure(failure -> client.disconnect());
    }
  }

  /** A chat was opened with this user (here or on another node): join its room and say so. */
  void onMembershipChange(MembershipChange change) {
    if (!change.joined() || change.topic().kind() != TopicKind.CHAT || following(change.topic().topicId())) {
      return;
    }
    client.emit(ChatEvents.ROOM_CREATED, ChatEvents.roomCreated(ChatRef.chatIdOf(change.topic().name())));
    follow(List.of(change.topic().topicId()), Map.of()).onFailure(failure ->
      LOG.warn("[{}] could not join chat room {}: {}", client.id(), change.topic().topicId(), failure.toString()));
  }

  private void emit(Delivery delivery) {
    delivered.put(delivery.messageId(), new MessagePosition(delivery.topicId(), delivery.seq(), delivery.senderId()));
    client.emit(hub.messageEvent(delivery));
    GatehouseMetrics.delivered(GatehouseMetrics.SOCKET_IO, 1);
  }

  /** Where a message this socket delivered sits, or null when it is not remembered. */
  MessagePosition positionOf(String messageId) {
    return delivered.get(messageId);
  }
}
