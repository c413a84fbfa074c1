package io.gatehouse.bench;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The connections one event loop owns: connection {@code i} belongs to shard {@code i mod shards}. The run
 * drives every shard through the same steps; each step runs on the shard's own event loop.
 */
final class ConnectionShard extends VerticleBase {

  static final int CONNECT_ATTEMPTS = 6;
  /** The pause before the next attempt grows with each one; the server's retry hint is about 2 to 3 s. */
  static final long RETRY_PAUSE_MILLIS = 1_000;
  static final int SETUP_REQUESTS_IN_FLIGHT = 32;
  /** Acks go out in this many slices per interval, so thousands of sockets do not all write at once. */
  static final int ACK_SLICES = 10;

  private final RunPlan plan;
  private final int shard;
  private final int shards;
  private final List<BenchConnection> connections = new ArrayList<>();
  private final List<Publisher> publishers = new ArrayList<>();
  private WebSocketClient client;
  private long ackTimer;
  private int ackSlice;

  ConnectionShard(RunPlan plan, int shard, int shards) {
    this.plan = plan;
    this.shard = shard;
    this.shards = shards;
  }

  @Override
  public Future<?> start() {
    // maxConnections caps open sockets per endpoint (extra connects wait for one to close), not handshakes.
    client = vertx.createWebSocketClient(new WebSocketClientOptions()
      .setMaxConnections(plan.options().connections())
      .setConnectTimeout((int) BenchConnection.REQUEST_TIMEOUT_MILLIS));
    long slicePeriod = Math.max(1, plan.options().ackIntervalMillis() / ACK_SLICES);
    ackTimer = vertx.setPeriodic(slicePeriod, id -> flushAckSlice());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(ackTimer);
    publishers.forEach(Publisher::stop);
    return Future.join(connections.stream().map(BenchConnection::close).toList())
      .eventually(() -> client.close());
  }

  /** Opens this shard's share of the connections, a bounded number of handshakes at a time. */
  Future<Void> connect(List<String> tokens) {
    return onContext(() -> {
      List<Integer> mine = new ArrayList<>();
      for (int i = shard; i < tokens.size(); i += shards) {
        mine.add(i);
      }
      int handshakes = Math.max(1, plan.options().handshakes() / shards);
      return PacedTasks.run(mine.size(), handshakes, j -> open(mine.get(j), tokens.get(mine.get(j)), 1))
        .onSuccess(opened -> {
          connections.addAll(opened);
          opened.forEach(this::attachPublisher);
        })
        .mapEmpty();
    });
  }

  /** Creates the topics whose creator connection is ours; a topic that already exists is fine. */
  Future<Void> createTopics() {
    return onContext(() -> {
      Topology topology = plan.topology();
      List<int[]> creations = new ArrayList<>();
      for (int t = 0; t < topology.topics(); t++) {
        if (topology.creator(t) % shards == shard) {
          creations.add(new int[] {topology.creator(t), t});
        }
      }
      return PacedTasks.run(creations.size(), SETUP_REQUESTS_IN_FLIGHT, j -> {
        int[] creation = creations.get(j);
        String topic = topology.topicName(creation[1]);
        return expectSuccess(connection(creation[0]).request(id -> ActionRequests.create(id, topic)), "create " + topic,
          "already_exists");
      }).mapEmpty();
    });
  }

  /** Subscribes every connection of ours to its topics; being a member already (the creator) is fine. */
  Future<Void> subscribe() {
    return onContext(() -> {
      Topology topology = plan.topology();
      List<int[]> subscriptions = new ArrayList<>();
      for (BenchConnection connection : connections) {
        for (int topic : topology.topicsOf(connection.index())) {
          subscriptions.add(new int[] {connection.index(), topic});
        }
      }
      return PacedTasks.run(subscriptions.size(), SETUP_REQUESTS_IN_FLIGHT, j -> {
        int[] subscription = subscriptions.get(j);
        String topic = topology.topicName(subscription[1]);
        return expectSuccess(connection(subscription[0]).request(id -> ActionRequests.subscribe(id, topic)),
          "subscribe " + topic, "already_member");
      }).mapEmpty();
    });
  }

  /** Pings every connection of ours and waits for the replies: proof that each one is open and authenticated. */
  Future<Void> ping() {
    return onContext(() -> PacedTasks.run(connections.size(), SETUP_REQUESTS_IN_FLIGHT,
      j -> expectSuccess(connections.get(j).request(ActionRequests::ping), "ping", null)).mapEmpty());
  }

  Future<Void> startPublishing() {
    return onContext(() -> {
      publishers.forEach(Publisher::start);
      return Future.succeededFuture();
    });
  }

  Future<Void> stopPublishing() {
    return onContext(() -> {
      publishers.forEach(Publisher::stop);
      return Future.succeededFuture();
    });
  }

  /** Acks everything received so far on every connection; frames queued before a close still go out. */
  Future<Void> flushAcks() {
    return onContext(() -> {
      connections.forEach(BenchConnection::flushAcks);
      return Future.succeededFuture();
    });
  }

  private void flushAckSlice() {
    for (int i = ackSlice; i < connections.size(); i += ACK_SLICES) {
      connections.get(i).flushAcks();
    }
    ackSlice = (ackSlice + 1) % ACK_SLICES;
  }

  /**
   * Opens connection {@code index}, waits until the server has verified its token, and pings it: a server that cannot serve it yet (its services slow to
   * answer while thousands of sessions start) closes it with 1013 "try again later", and the connection is
   * opened again after a pause, as a client should, instead of failing the run.
   */
  private Future<BenchConnection> open(int index, String token, int attempt) {
    return BenchConnection.open(index, plan, context, client, token)
      .compose(connection -> connection.authenticated().transform(auth -> auth.succeeded()
        ? Future.succeededFuture(connection)
        : connection.close().transform(closed -> Future.<BenchConnection>failedFuture(auth.cause()))))
      .compose(connection -> connection.request(ActionRequests::ping).transform(ping -> {
        if (ping.succeeded() && Boolean.TRUE.equals(ping.result().success())) {
          connection.established();
          return Future.succeededFuture(connection);
        }
        String why = ping.succeeded() ? "ping refused: " + ping.result().failureCode() : ping.cause().getMessage();
        return connection.close().transform(closed -> Future.<BenchConnection>failedFuture(why));
      }))
      .recover(failure -> {
        if (attempt >= CONNECT_ATTEMPTS) {
          return Future.failedFuture(new IllegalStateException(
            "connection " + index + " failed " + attempt + " times: " + failure.getMessage(), failure));
        }
        plan.metrics().failed("connect_retry");
        return vertx.timer(RETRY_PAUSE_MILLIS * attempt).compose(v -> open(index, token, attempt + 1));
      });
  }

  private void attachPublisher(BenchConnection connection) {
    if (plan.topology() != null && connection.index() < plan.topology().publishers()) {
      Publisher publisher = new Publisher(connection.index(), connection, plan);
      connection.attach(publisher);
      plan.publishers().set(connection.index(), publisher);
      publishers.add(publisher);
    }
  }

  private BenchConnection connection(int index) {
    return connections.get(index / shards);
  }

  /** A reply that succeeded, or failed only with {@code acceptedCode} (nullable), lets setup go on. */
  private static Future<InboundFrame> expectSuccess(Future<InboundFrame> reply, String what, String acceptedCode) {
    return reply.compose(frame -> Boolean.TRUE.equals(frame.success())
      || (acceptedCode != null && acceptedCode.equals(frame.code()))
      ? Future.succeededFuture(frame)
      : Future.failedFuture(what + " refused: " + frame.failureCode()));
  }

  private <T> Future<T> onContext(Supplier<Future<T>> step) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> step.get().onComplete(done));
    return done.future();
  }
}
