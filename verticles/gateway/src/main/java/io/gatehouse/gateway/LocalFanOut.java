package io.gatehouse.gateway;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Keys (topics, users) that have connections (receivers {@code R}) on this gateway. ONE bus consumer per address however many
 * local connections want it — several keys may share an address (inbox and user shards) — so a bus message
 * costs one delivery per node, and the gateway fans it out locally to the connections of its key. Each
 * message is prepared once (e.g. encoded to JSON) for all its local receivers. Event-loop confined.
 */
public final class LocalFanOut<K, M, P, R> {

  private final EventBus bus;
  private final Function<M, K> keyOf;
  private final Function<M, P> prepare;
  private final BiConsumer<R, P> deliver;
  private final Map<String, Consumer<M>> consumers = new HashMap<>();
  private final Map<K, Set<R>> receivers = new HashMap<>();

  public LocalFanOut(EventBus bus, Function<M, K> keyOf, Function<M, P> prepare, BiConsumer<R, P> deliver) {
    this.bus = bus;
    this.keyOf = keyOf;
    this.prepare = prepare;
    this.deliver = deliver;
  }

  private static final class Consumer<M> {
    MessageConsumer<M> registration;
    int keys;
  }

  /** Adds a connection for {@code key}, whose messages arrive on {@code address}; completes once they reach this node. */
  public Future<Void> join(K key, String address, R session) {
    Set<R> sessions = receivers.get(key);
    if (sessions == null) {
      sessions = new LinkedHashSet<>(4);
      receivers.put(key, sessions);
      Consumer<M> consumer = consumers.get(address);
      if (consumer == null) {
        consumer = new Consumer<>();
        consumer.registration = bus.consumer(address, message -> fanOut(message.body()));
        consumers.put(address, consumer);
      }
      consumer.keys++;
    }
    sessions.add(session);
    return consumers.get(address).registration.completion();
  }

  public void leave(K key, String address, R session) {
    Set<R> sessions = receivers.get(key);
    if (sessions == null || !sessions.remove(session) || !sessions.isEmpty()) {
      return;
    }
    receivers.remove(key);
    Consumer<M> consumer = consumers.get(address);
    if (consumer != null && --consumer.keys == 0) {
      consumers.remove(address);
      consumer.registration.unregister();
    }
  }

  /** The keys that have connections here (a copy). */
  public Set<K> keys() {
    return new HashSet<>(receivers.keySet());
  }

  /** The connections of {@code key} here (a copy). */
  public List<R> receiversOf(K key) {
    Set<R> sessions = receivers.get(key);
    return sessions == null ? List.of() : new ArrayList<>(sessions);
  }

  public int consumerCount() {
    return consumers.size();
  }

  private void fanOut(M message) {
    Set<R> sessions = receivers.get(keyOf.apply(message));
    if (sessions == null) {
      return;
    }
    P prepared = prepare.apply(message);
    for (Object session : sessions.toArray()) {
      @SuppressWarnings("unchecked")
      R receiver = (R) session;
      deliver.accept(receiver, prepared);
    }
  }
}
