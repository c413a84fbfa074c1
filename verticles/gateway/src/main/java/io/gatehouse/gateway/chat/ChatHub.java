package io.gatehouse.gateway.chat;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.gateway.MembershipChange;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.gateway.ServiceBus;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * What the chat sockets of one gateway verticle share: the services, and ONE bus consumer per chat topic
 * (a room) and per user with local sockets, fanned out locally. Event-loop confined.
 */
final class ChatHub {

  final EventBus bus;
  final ServiceBus services;
  final ChatOptions options;
  final Rooms<Long, Delivery> rooms;
  final Rooms<String, MembershipChange> users;

  ChatHub(EventBus bus, ServiceBus services, ChatOptions options) {
    this.bus = bus;
    this.services = services;
    this.options = options;
    this.rooms = new Rooms<>(bus, Addresses.Delivery::topic, ChatSocket::onLive);
    this.users = new Rooms<>(bus, Addresses.Sessions::user, ChatSocket::onMembershipChange);
  }

  /** Publishes a notice to every gateway node. */
  void publish(String address, Object notice) {
    bus.publish(address, notice);
  }

  /** Local sockets per key, behind one bus consumer per key. */
  static final class Rooms<K, M> {
    private final EventBus bus;
    private final Function<K, String> address;
    private final BiConsumer<ChatSocket, M> deliver;
    private final Map<K, Room<M>> rooms = new HashMap<>();

    Rooms(EventBus bus, Function<K, String> address, BiConsumer<ChatSocket, M> deliver) {
      this.bus = bus;
      this.address = address;
      this.deliver = deliver;
    }

    private static final class Room<M> {
      final Set<ChatSocket> sockets = new LinkedHashSet<>();
      MessageConsumer<M> consumer;
    }

    /** Completes once messages for the key reach this node. */
    Future<Void> join(K key, ChatSocket socket) {
      Room<M> room = rooms.computeIfAbsent(key, k -> {
        Room<M> created = new Room<>();
        created.consumer = bus.consumer(address.apply(k), message -> {
          for (ChatSocket member : created.sockets.toArray(ChatSocket[]::new)) {
            deliver.accept(member, message.body());
          }
        });
        return created;
      });
      room.sockets.add(socket);
      return room.consumer.completion();
    }

    void leave(K key, ChatSocket socket) {
      Room<M> room = rooms.get(key);
      if (room != null && room.sockets.remove(socket) && room.sockets.isEmpty()) {
        rooms.remove(key);
        room.consumer.unregister();
      }
    }

    int size() {
      return rooms.size();
    }
  }
}
