package io.gatehouse.gateway.actions;

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
 * Keys (topics, users) that have connections on this gateway: ONE bus consumer per key however many
 * local connections want it, so a bus message costs one delivery per node and the gateway fans out
 * locally. Each message is prepared once (e.g. encoded to JSON) for all its local receivers.
 * Event-loop confined.
 */
final class LocalFanOut<K, M, P> {

  private final EventBus bus;
  private final Function<K, String> address;
  private final Function<M, P> prepare;
  private final BiConsumer<ActionSession, P> deliver;
  private final Map<K, Receivers<M>> entries = new HashMap<>();

  LocalFanOut(EventBus bus, Function<K, String> address, Function<M, P> prepare, BiConsumer<ActionSession, P> deliver) {
    this.bus = bus;
    this.address = address;
    this.prepare = prepare;
    this.deliver = deliver;
  }

  private static final class Receivers<M> {
    final Set<ActionSession> sessions = new LinkedHashSet<>();
    MessageConsumer<M> consumer;
  }

  /** Adds a connection; completes once messages for the key reach this node. */
  Future<Void> join(K key, ActionSession session) {
    Receivers<M> receivers = entries.get(key);
    if (receivers == null) {
      Receivers<M> created = new Receivers<>();
      created.consumer = bus.consumer(address.apply(key), message -> fanOut(created, message.body()));
      entries.put(key, created);
      receivers = created;
    }
    receivers.sessions.add(session);
    return receivers.consumer.completion();
  }

  void leave(K key, ActionSession session) {
    Receivers<M> receivers = entries.get(key);
    if (receivers != null && receivers.sessions.remove(session) && receivers.sessions.isEmpty()) {
      entries.remove(key);
      receivers.consumer.unregister();
    }
  }

  int size() {
    return entries.size();
  }

  private void fanOut(Receivers<M> receivers, M message) {
    P prepared = prepare.apply(message);
    for (ActionSession session : receivers.sessions.toArray(ActionSession[]::new)) {
      deliver.accept(session, prepared);
    }
  }
}
