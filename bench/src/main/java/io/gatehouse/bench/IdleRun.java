package io.gatehouse.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * Opens N authenticated connections and holds them without traffic, probing the server's heap before and
 * after (when a server pid is given) to get the heap cost of one connection.
 */
final class IdleRun {

  private static final Logger LOG = LoggerFactory.getLogger(IdleRun.class);

  static final long SETTLE_MILLIS = 2000;

  private final Vertx vertx;
  private final BenchOptions options;
  private final String runId = Long.toString(System.currentTimeMillis(), 36);
  private final RunPlan plan;
  private final List<ConnectionShard> shards = new CopyOnWriteArrayList<>();
  private final Instant startedAt = Instant.now();
  private final long setupStartNanos = System.nanoTime();
  private long setupMillis;
  private HeapProbe.HeapReading before;

  IdleRun(Vertx vertx, BenchOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.plan = RunPlan.idle(options, runId);
  }

  Future<IdleResult> run() {
    return ShardDeployment.deploy(vertx, plan, shards)
      .compose(deployment -> TokenSource.forTarget(vertx, options).tokens(options.connections())
        .compose(tokens -> probe("before").onSuccess(reading -> before = reading).map(tokens))
        .compose(tokens -> Future.all(shards.stream().map(shard -> shard.connect(tokens)).toList()))
        .compose(v -> Future.all(shards.stream().map(ConnectionShard::ping).toList()))
        .compose(v -> {
          setupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - setupStartNanos);
          LOG.info("{} connections open after {} ms; settling", options.connections(), setupMillis);
          return vertx.timer(SETTLE_MILLIS);
        })
        .compose(v -> probe("after"))
        .compose(after -> hold().map(after))
        .map(after -> new IdleResult(options, runId, startedAt, setupMillis,
          options.connections(), before, after, plan.metrics().errorsByCode()))
        .eventually(() -> vertx.undeploy(deployment)));
  }

  /** Keeps the connections open for the run's duration, so they can be watched from outside too. */
  private Future<Void> hold() {
    if (options.durationSeconds() == 0) {
      return Future.succeededFuture();
    }
    LOG.info("holding {} idle connections for {} s", options.connections(), options.durationSeconds());
    return vertx.timer(options.durationSeconds(), TimeUnit.SECONDS);
  }

  private Future<HeapProbe.HeapReading> probe(String when) {
    return HeapProbe.probe(vertx, options.serverPid(), when);
  }

}
