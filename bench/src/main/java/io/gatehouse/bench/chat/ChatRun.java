package io.gatehouse.bench.chat;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One chat load run, step by step as chat-load.mjs: users, sockets (in batches), private chats (in batches),
 * the closed loops for warm-up + measured seconds, 2 s more for what is in flight, then the tally.
 */
final class ChatRun {

  static final long DRAIN_MILLIS = 2_000;

  private static final Logger LOG = LoggerFactory.getLogger(ChatRun.class);

  private final Vertx vertx;
  private final ChatOptions options;
  private final ChatShard[] shards;
  private String deployment;

  ChatRun(Vertx vertx, ChatOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.shards = new ChatShard[Math.min(options.eventLoops(), options.pairs())];
  }

  Future<ChatResult> run() {
    long setupStart = System.nanoTime();
    return deployShards()
      .compose(v -> ChatUsers.create(vertx, options))
      .compose(users -> connect(users).compose(v -> startChats(users)))
      .onSuccess(v -> LOG.info("{} pairs connected, chats started, in {} ms; measuring {} s after {} s of warm-up",
        options.pairs(), (System.nanoTime() - setupStart) / 1_000_000, options.seconds(), options.warmup()))
      .compose(v -> runLoops())
      .compose(v -> tally())
      .onSuccess(ChatRun::logTally)
      .map(tally -> ChatResult.of(options, tally))
      .eventually(this::undeploy);
  }

  /** One shard per event loop: Vert.x gives each verticle instance its own loop, round robin. */
  private Future<Void> deployShards() {
    AtomicInteger next = new AtomicInteger();
    return vertx.deployVerticle(() -> {
      int shard = next.getAndIncrement();
      shards[shard] = new ChatShard(options, shard, shards.length);
      return shards[shard];
    }, new DeploymentOptions().setInstances(shards.length))
      .onSuccess(id -> deployment = id)
      .mapEmpty();
  }

  private Future<Void> connect(List<ChatUser> users) {
    return Batches.run(options.sockets(), options.connectBatch(),
        i -> shards[ChatShard.shardOfSocket(i, shards.length)].open(i, users.get(i).token()))
      .mapEmpty();
  }

  private Future<Void> startChats(List<ChatUser> users) {
    return Batches.run(options.pairs(), options.connectBatch(),
        p -> shards[p % shards.length].startChat(p, users.get(2 * p), users.get(2 * p + 1)))
      .mapEmpty();
  }

  private Future<Void> runLoops() {
    LoopSchedule schedule = LoopSchedule.startingAt(System.nanoTime(), options);
    List<Future<Void>> begun = new ArrayList<>();
    for (ChatShard shard : shards) {
      begun.add(shard.begin(schedule));
    }
    long runMillis = (options.warmup() + (long) options.seconds()) * 1000 + DRAIN_MILLIS;
    return Future.all(begun).compose(v -> vertx.timer(runMillis)).mapEmpty();
  }

  private Future<ChatTally> tally() {
    List<Future<ChatTally>> tallies = new ArrayList<>();
    for (ChatShard shard : shards) {
      tallies.add(shard.tally());
    }
    return Future.all(tallies).map(all -> {
      ChatTally total = new ChatTally();
      all.<ChatTally>list().forEach(total::add);
      return total;
    });
  }

  private static void logTally(ChatTally tally) {
    LOG.info("received {} in the measured window; errors {} (frames that did not parse: {}); sockets the server "
      + "closed: {}", tally.received(), tally.errors(), tally.malformed(), tally.closedByServer());
  }

  private Future<Void> undeploy() {
    return deployment == null ? Future.succeededFuture() : vertx.undeploy(deployment);
  }
}
