package io.gatehouse.gateway.actions;

import io.gatehouse.contract.edge.ConnectionsPerAddress;
import io.gatehouse.contract.edge.OriginPolicy;
import io.gatehouse.contract.gateway.MembershipChange;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.gateway.LocalFanOut;
import io.gatehouse.gateway.ServiceBus;
import io.vertx.core.Vertx;

import java.util.LinkedHashSet;
import java.util.Set;

/** What every action-protocol connection of one gateway verticle shares. Event-loop confined. */
final class ActionHub {

  final Vertx vertx;
  final ServiceBus services;
  final ActionOptions options;
  final ActionDispatcher dispatcher;
  final LocalFanOut<Long, Delivery, LiveFrame, ActionSession> topics;
  final LocalFanOut<String, MembershipChange, MembershipChange, ActionSession> users;
  final Set<ActionSession> sessions = new LinkedHashSet<>();
  final OriginPolicy origins;
  private final ConnectionsPerAddress connectionsPerIp;

  ActionHub(Vertx vertx, ServiceBus services, ActionOptions options) {
    this.vertx = vertx;
    this.services = services;
    this.options = options;
    this.origins = new OriginPolicy(options.allowedOrigins());
    this.connectionsPerIp = new ConnectionsPerAddress(options.maxConnectionsPerIp());
    this.dispatcher = new ActionDispatcher(TopicActions.registry());
    this.topics = new LocalFanOut<>(vertx.eventBus(), Delivery::topicId, LiveFrame::new, ActionSession::onLive);
    this.users = new LocalFanOut<>(vertx.eventBus(), MembershipChange::userId, change -> change,
      ActionSession::onMembershipChange);
  }

  /** Counts a connection from {@code ip}; false when the address is over its limit. */
  boolean admit(String ip) {
    return connectionsPerIp.admit(ip);
  }

  void release(String ip) {
    connectionsPerIp.release(ip);
  }

  /** Heartbeats for quiet connections: one timer for all of them, not one per socket. */
  void sweep(long nowNanos) {
    long quiet = options.heartbeatSeconds() * 1_000_000_000L;
    for (ActionSession session : sessions.toArray(ActionSession[]::new)) {
      session.heartbeatIfQuiet(nowNanos, quiet);
    }
  }
}
