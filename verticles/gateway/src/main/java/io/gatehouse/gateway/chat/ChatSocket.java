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
import io.gatehouse.contract.routing.TopicKind;
import io.gatehouse.contract.routing.UserRef;
import io.gatehouse.edge.BusLogReads;
import io.gatehouse.edge.DeliveryStream;
import io.gatehouse.edge.PublishLanes;
import io.gatehouse.edge.RecentDeliveries;
import io.gatehouse.gateway.socketio.ClientSocket;
import io.gatehouse.gateway.socketio.NamespaceSocket;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One authenticated socket in {@code /chat}: it is in the room of every chat of its user, streams each
 * chat's log in order from the user's cursor (stored messages first, then live ones, each once), and
 * hands client events to {@link ChatActions}. Event-loop confined.
 */
final class ChatSocket implements NamespaceSocket {

  private static final Logger LOG = LoggerFactory.getLogger(ChatSocket.class);

  private record Room(String address, DeliveryStream stream) {
  }

  final ChatHub hub;
  final ClientSocket client;
  final Principal principal;
  final PublishLanes publishLanes = new PublishLanes();
  private final Map<Long, Room> rooms = new HashMap<>(4);
  private final RecentDeliveries recent;
  private boolean gone;

  ChatSocket(ChatHub hub, ClientSocket client, Principal principal) {
    this.hub = hub;
    this.client = client;
    this.principal = principal;
    this.recent = new RecentDeliveries(hub.options.ackIndexSize());
  }

  String userId() {
    return principal.subject();
  }

  @Override
  public void onJoined() {
    Future<ChatList> chats = hub.services.request(Addresses.Routing.CHAT_LIST, new UserRef(userId()));
    Future<CursorList> cursors = hub.services.retrying(Addresses.Pending.CURSORS, new CursorQuery(userId()));
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
    rooms.forEach((topicId, room) -> {
      room.stream().stop();
      hub.rooms.leave(topicId, room.address(), this);
    });
    rooms.clear();
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
    return rooms.containsKey(topicId);
  }

  /** Joins chat rooms (live fan-out first, then the log from the cursor); rooms already joined are skipped. */
  Future<Void> follow(List<Long> topicIds, Map<Long, Long> acked) {
    Map<Long, DeliveryStream> fresh = new HashMap<>();
    List<Future<Void>> joins = new ArrayList<>();
    for (Long topicId : topicIds) {
      if (!gone && !rooms.containsKey(topicId)) {
        String address = Addresses.Delivery.of(TopicKind.CHAT, topicId);
        DeliveryStream stream = new DeliveryStream(hub.vertx, acked.getOrDefault(topicId, 0L),
          new BusLogReads(hub.services.requests(), userId(), topicId, hub.options.catchUpBatch()),
          this::emit, failure -> lost(topicId, failure));
        rooms.put(topicId, new Room(address, stream));
        fresh.put(topicId, stream);
        joins.add(hub.rooms.join(topicId, address, this));
      }
    }
    if (fresh.isEmpty()) {
      return Future.succeededFuture();
    }
    return Future.all(joins).compose(joined -> hub.services.<DeliveryBatch>retrying(Addresses.Pending.CATCH_UP,
        new CatchUp(userId(), List.copyOf(fresh.keySet()), hub.options.catchUpBatch())))
      .compose(page -> DeliveryStream.startAll(fresh, page));
  }

  /** A committed message of one of this node's chat rooms. */
  void onLive(Delivery delivery) {
    Room room = rooms.get(delivery.topicId());
    if (room != null && !gone) {
      room.stream().offerLive(delivery);
    }
  }

  /** A gap that could not be read: the client would miss messages, so it must reconnect and catch up. */
  private void lost(long topicId, Throwable failure) {
    LOG.warn("[{}] chat room {}: gap catch-up failed {} times: {}", client.id(), topicId,
      DeliveryStream.MAX_GAP_ATTEMPTS, failure.toString());
    client.disconnect();
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
    recent.remember(delivery);
    client.emit(hub.messageEvent(delivery));
    GatehouseMetrics.delivered(GatehouseMetrics.SOCKET_IO, 1);
  }

  /** Where a message this socket delivered lately sits, or null when it is not remembered. */
  MessagePosition positionOf(String messageId) {
    return recent.positionOf(messageId);
  }
}
