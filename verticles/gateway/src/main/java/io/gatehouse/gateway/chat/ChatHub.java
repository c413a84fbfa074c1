package io.gatehouse.gateway.chat;

import io.gatehouse.contract.gateway.MembershipChange;
import io.gatehouse.contract.gateway.MessageSeen;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.gateway.LocalFanOut;
import io.gatehouse.gateway.ServiceBus;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.EventBus;
import io.gatehouse.gateway.socketio.EncodedEvent;

/**
 * What the chat sockets of one gateway verticle share: the services, and ONE bus consumer per chat topic
 * (a room) and per user with local sockets, fanned out locally. Event-loop confined.
 */
final class ChatHub {

  final Vertx vertx;
  final EventBus bus;
  final ServiceBus services;
  final ChatOptions options;
  final LocalFanOut<Long, Delivery, Delivery, ChatSocket> rooms;
  final LocalFanOut<String, MembershipChange, MembershipChange, ChatSocket> users;
  final LocalFanOut<String, MessageSeen, MessageSeen, ChatSocket> receipts;
  private Delivery lastDelivery;
  private EncodedEvent lastEvent;

  ChatHub(Vertx vertx, ServiceBus services, ChatOptions options) {
    this.vertx = vertx;
    this.bus = vertx.eventBus();
    this.services = services;
    this.options = options;
    this.rooms = new LocalFanOut<>(bus, Delivery::topicId, delivery -> delivery, ChatSocket::onLive);
    this.users = new LocalFanOut<>(bus, MembershipChange::userId, change -> change, ChatSocket::onMembershipChange);
    this.receipts = new LocalFanOut<>(bus, MessageSeen::userId, seen -> seen, ChatSocket::onSeen);
  }

  /**
   * The {@code receive_message} event of a delivery. A room's sockets get the same delivery one after the
   * other, so the event is built and encoded once per message, not once per socket.
   */
  EncodedEvent messageEvent(Delivery delivery) {
    if (delivery != lastDelivery) {
      lastEvent = EncodedEvent.of(ChatEvents.RECEIVE_MESSAGE, ChatEvents.message(delivery));
      lastDelivery = delivery;
    }
    return lastEvent;
  }

  /** Publishes a notice to every gateway node. */
  void publish(String address, Object notice) {
    bus.publish(address, notice);
  }
}
