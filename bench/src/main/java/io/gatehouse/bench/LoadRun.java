package io.gatehouse.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One load run: accounts, paced connections, topics, subscriptions, then warmup and measured publishing,
 * then a bounded drain of the deliveries still in flight.
 */
final class LoadRun {

  static final long DRAIN_POLL_MILLIS = 50;

  private final Vertx vertx;
  private final BenchOptions options;
  private final RunPlan plan;
  private final String runId;
  private final ProgressReporter progress;
  private final List<ConnectionShard> shards = new CopyOnWriteArrayList<>();
  private final Instant startedAt = Instant.now();
  private final long setupStartNanos = System.nanoTime();
  private long setupMillis;
  private long windowStartNanos;
  private long windowEndNanos;
  private HeapProbe.HeapReading heapBefore;
  private HeapProbe.HeapReading heapSubscribed;
  private HeapProbe.HeapReading heapActive;

  LoadRun(Vertx vertx, BenchOptions options) {
    this.vertx = vertx;
    this.options = options;
    this.runId = Long.toString(System.currentTimeMillis(), 36);
    this.plan = RunPlan.load(options, runId);
    this.progress = new ProgressReporter(vertx, plan.metrics());
  }

  Future<LoadResult> run() {
    return ShardDeployment.deploy(vertx, plan, shards)
      .compose(deployment -> HeapProbe.probe(vertx, options.serverPid(), "before").map(reading -> {
        heapBefore = reading;
        return deployment;
      }))
      .compose(deployment -> TokenSource.forTarget(vertx, options).tokens(options.connections())
        .compose(tokens -> onEveryShard(shard -> shard.connect(tokens)))
        .compose(v -> onEveryShard(ConnectionShard::createTopics))
        .compose(v -> onEveryShard(ConnectionShard::subscribe))
        // every connection open and subscribed, nothing published yet: the heap per idle connection
        .compose(v -> HeapProbe.probe(vertx, options.serverPid(), "with idle subscribed connections"))
        .compose(subscribed -> {
          heapSubscribed = subscribed;
          return publish();
        })
        .compose(v -> drain())
        // connections still open, each with what it keeps after streaming: the heap per active connection
        .compose(v -> HeapProbe.probe(vertx, options.serverPid(), "with active connections"))
        .map(active -> {
          heapActive = active;
          return result();
        })
        .eventually(() -> {
          progress.stop();
          return vertx.undeploy(deployment);
        }));
  }

  private Future<Void> publish() {
    setupMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - setupStartNanos);
    return options.messages() > 0 ? publishCounted() : publishTimed();
  }

  /**
   * {@code --messages}: every publish is measured; the window runs from the first publish to the last delivery,
   * or ends after {@code --duration} seconds with whatever has not arrived counted as missing.
   */
  private Future<Void> publishCounted() {
    RunMetrics metrics = plan.metrics();
    windowStartNanos = System.nanoTime();
    metrics.openWindow(windowStartNanos);
    progress.phase("measure");
    progress.start();
    long deadline = windowStartNanos + TimeUnit.SECONDS.toNanos(options.durationSeconds());
    return onEveryShard(ConnectionShard::startPublishing)
      .compose(v -> awaitCounted(deadline))
      .compose(v -> {
        long now = System.nanoTime();
        long lastArrival = metrics.lastMeasuredArrivalNanos();
        boolean complete = metrics.publishesSent() >= options.messages()
          && metrics.deliveriesMeasured() >= metrics.deliveriesExpected();
        windowEndNanos = complete && lastArrival > windowStartNanos ? lastArrival : now;
        metrics.closeWindow(now);
        progress.phase("drain");
        return onEveryShard(ConnectionShard::stopPublishing);
      });
  }

  private Future<Void> awaitCounted(long deadline) {
    RunMetrics metrics = plan.metrics();
    boolean allSent = metrics.publishesSent() >= options.messages();
    if ((allSent && metrics.deliveriesMeasured() >= metrics.deliveriesExpected()) || System.nanoTime() >= deadline) {
      return Future.succeededFuture();
    }
    return vertx.timer(DRAIN_POLL_MILLIS).compose(v -> awaitCounted(deadline));
  }

  private Future<Void> publishTimed() {
    long now = System.nanoTime();
    windowStartNanos = now + TimeUnit.SECONDS.toNanos(options.warmupSeconds());
    plan.metrics().openWindow(windowStartNanos);
    progress.phase(options.warmupSeconds() > 0 ? "warmup" : "measure");
    progress.start();
    if (options.warmupSeconds() > 0) {
      vertx.setTimer(TimeUnit.SECONDS.toMillis(options.warmupSeconds()), id -> progress.phase("measure"));
    }
    return onEveryShard(ConnectionShard::startPublishing)
      .compose(v -> vertx.timer(options.publishingSeconds(), TimeUnit.SECONDS))
      .compose(v -> {
        windowEndNanos = System.nanoTime();
        plan.metrics().closeWindow(windowEndNanos);
        progress.phase("drain");
        return onEveryShard(ConnectionShard::stopPublishing);
      });
  }

  /** Waits until every measured publish is fully delivered, or the drain time is up. */
  private Future<Void> drain() {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.drainSeconds());
    return awaitDelivered(deadline).compose(v -> onEveryShard(ConnectionShard::flushAcks));
  }

  private Future<Void> awaitDelivered(long deadline) {
    RunMetrics metrics = plan.metrics();
    if (metrics.deliveriesMeasured() >= metrics.deliveriesExpected() || System.nanoTime() >= deadline) {
      return Future.succeededFuture();
    }
    return vertx.timer(DRAIN_POLL_MILLIS).compose(v -> awaitDelivered(deadline));
  }

  private LoadResult result() {
    RunMetrics metrics = plan.metrics();
    double measuredSeconds = (windowEndNanos - windowStartNanos) / 1e9;
    return new LoadResult(options, runId, startedAt, setupMillis, measuredSeconds, metrics.publishesMeasured(),
      metrics.deliveriesMeasured(), metrics.deliveriesExpected(), LatencySummary.of(metrics.latencySoFar()),
      metrics.errorsByCode(), metrics.pendingDeliveries(), metrics.foreignDeliveries(), metrics.behindSchedule(),
      heapBefore, heapSubscribed, heapActive);
  }

  private Future<Void> onEveryShard(Function<ConnectionShard, Future<Void>> step) {
    return Future.all(shards.stream().map(step).toList()).mapEmpty();
  }
}
