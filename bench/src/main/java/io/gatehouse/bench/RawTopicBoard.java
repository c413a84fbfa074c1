package io.gatehouse.bench;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The raw ceiling's topics, in memory and shared by every server event loop. Subscribers are grouped by the
 * event loop that owns their socket, so a broadcast costs one task per event loop, not one per subscriber.
 */
final class RawTopicBoard {

  private final Map<String, Map<Context, CopyOnWriteArrayList<ServerWebSocket>>> topics = new ConcurrentHashMap<>();
  private final AtomicLong messageIds = new AtomicLong();

  void create(String topic) {
    topics.computeIfAbsent(topic, t -> new ConcurrentHashMap<>());
  }

  /** Joins the topic (creating it when needed); joining twice changes nothing. */
  void subscribe(String topic, Context context, ServerWebSocket socket) {
    CopyOnWriteArrayList<ServerWebSocket> local = topics.computeIfAbsent(topic, t -> new ConcurrentHashMap<>())
      .computeIfAbsent(context, c -> new CopyOnWriteArrayList<>());
    local.addIfAbsent(socket);
  }

  void unsubscribe(String topic, Context context, ServerWebSocket socket) {
    Map<Context, CopyOnWriteArrayList<ServerWebSocket>> byLoop = topics.get(topic);
    if (byLoop != null) {
      List<ServerWebSocket> local = byLoop.get(context);
      if (local != null) {
        local.remove(socket);
      }
    }
  }

  long nextMessageId() {
    return messageIds.incrementAndGet();
  }

  /** Writes the already encoded delivery to every subscriber; false when the topic does not exist. */
  boolean broadcast(String topic, String delivery) {
    Map<Context, CopyOnWriteArrayList<ServerWebSocket>> byLoop = topics.get(topic);
    if (byLoop == null) {
      return false;
    }
    Context current = Vertx.currentContext();
    byLoop.forEach((context, sockets) -> {
      if (context == current) {
        writeAll(sockets, delivery);
      } else {
        context.runOnContext(v -> writeAll(sockets, delivery));
      }
    });
    return true;
  }

  private static void writeAll(List<ServerWebSocket> sockets, String delivery) {
    for (ServerWebSocket socket : sockets) {
      socket.writeTextMessage(delivery);
    }
  }
}
