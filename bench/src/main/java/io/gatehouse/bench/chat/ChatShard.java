package io.gatehouse.bench.chat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The pairs one event loop owns (pair {@code p} belongs to shard {@code p mod shards}), their sockets, their
 * tally, and the sweep that fails overdue acks once a second. The run drives every shard through the same
 * steps; each step runs on the shard's own event loop.
 */
final class ChatShard extends VerticleBase {

  static final long SWEEP_MILLIS = 1_000;

  private final ChatOptions options;
  private final int shard;
  private final int shards;
  private final ChatSocket[] sockets;
  private final ChatPair[] pairs;
  private final ChatTally tally = new ChatTally();
  private WebSocketClient client;
  private long sweepTimer;

  ChatShard(ChatOptions options, int shard, int shards) {
    this.options = options;
    this.shard = shard;
    this.shards = shards;
    this.sockets = new ChatSocket[options.sockets()];
    this.pairs = new ChatPair[options.pairs()];
  }

  static int shardOfSocket(int socket, int shards) {
    return (socket / 2) % shards;
  }

  @Override
  public Future<?> start() {
    // maxConnections caps open sockets per endpoint (further connects queue until one closes).
    client = vertx.createWebSocketClient(new WebSocketClientOptions()
      .setMaxConnections(options.sockets())
      .setConnectTimeout((int) ChatSocket.TIMEOUT_MILLIS));
    sweepTimer = vertx.setPeriodic(SWEEP_MILLIS, id -> expireAcks());
    return Future.succeededFuture();
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sweepTimer);
    List<Future<Void>> closed = new ArrayList<>();
    for (ChatSocket socket : sockets) {
      if (socket != null) {
        closed.add(socket.close());
      }
    }
    return Future.join(closed).eventually(() -> client.close());
  }

  /** Opens socket {@code index} (one of this shard's pairs) and connects it to the namespace. */
  Future<Void> open(int index, String token) {
    return onContext(() -> ChatSocket.open(vertx, client, options, index, token, tally)
      .map(socket -> {
        sockets[index] = socket;
        return null;
      }));
  }

  /** Pair {@code p}'s sender starts the private chat with its receiver. */
  Future<Void> startChat(int pair, ChatUser sender, ChatUser receiver) {
    return onContext(() -> {
      pairs[pair] = new ChatPair(sockets[2 * pair], sockets[2 * pair + 1], sender.id(), tally);
      return pairs[pair].startChat(receiver.id());
    });
  }

  /** Starts every pair's closed loop. */
  Future<Void> begin(LoopSchedule schedule) {
    return onContext(() -> {
      for (int p = shard; p < pairs.length; p += shards) {
        pairs[p].begin(schedule, options.window());
      }
      return Future.succeededFuture();
    });
  }

  /** A copy of what this shard counted so far, taken on its event loop. */
  Future<ChatTally> tally() {
    return onContext(() -> Future.succeededFuture(tally.copy()));
  }

  private void expireAcks() {
    long now = System.nanoTime();
    for (ChatSocket socket : sockets) {
      if (socket != null) {
        socket.expireAcks(now);
      }
    }
  }

  private <T> Future<T> onContext(Supplier<Future<T>> step) {
    Promise<T> done = Promise.promise();
    context.runOnContext(v -> step.get().onComplete(done));
    return done.future();
  }
}
