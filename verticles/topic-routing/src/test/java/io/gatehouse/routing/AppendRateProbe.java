package io.gatehouse.routing;

import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Measures the log append rate: {@code messages} publishes from {@code publishers} concurrent publishers
 * (each waits for its reply before sending again) spread over {@code topics} topics, through
 * {@code instances} topic-routing instances, against the embedded PostgreSQL (fsync on). Not a test.
 * <p>
 * Arguments: {@code messages publishers instances topics maxBatch}, defaults 20000 64 1 1 512.
 */
public final class AppendRateProbe {

  private static final Logger LOG = LoggerFactory.getLogger(AppendRateProbe.class);

  private final RoutingClient routing;
  private final int messages;
  private final AtomicInteger issued = new AtomicInteger();
  private final long[] latencies;

  private AppendRateProbe(RoutingClient routing, int messages) {
    this.routing = routing;
    this.messages = messages;
    this.latencies = new long[messages];
  }

  public static void main(String[] args) throws Exception {
    int messages = argument(args, 0, 20_000);
    int publishers = argument(args, 1, 64);
    int instances = argument(args, 2, 1);
    int topics = argument(args, 3, 1);
    int maxBatch = argument(args, 4, RoutingOptions.DEFAULT_MAX_BATCH);
    DatabaseOptions db = TestDatabase.fresh("probe");
    Vertx vertx = Vertx.vertx();
    try {
      RoutingClient routing = new RoutingClient(vertx);
      List<String> users = IntStream.range(0, publishers).mapToObj(i -> RoutingClient.newUser()).toList();
      List<String> topicNames = IntStream.range(0, topics).mapToObj(i -> "probe-" + i).toList();
      JsonObject config = RoutingClient.nodeConfig(db, new JsonObject().put("maxBatch", maxBatch));
      RoutingClient.deploy(vertx, config, instances)
        .compose(id -> Future.all(topicNames.stream().map(name -> routing.create(users.get(0), name, false)).toList()))
        .compose(created -> Future.all(users.subList(1, users.size()).stream()
          .flatMap(user -> topicNames.stream().map(name -> routing.subscribe(user, name))).toList()))
        .compose(joined -> new AppendRateProbe(routing, Math.min(messages, 2_000)).run(users, topicNames))
        .toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);

      AppendRateProbe probe = new AppendRateProbe(routing, messages);
      long started = System.nanoTime();
      probe.run(users, topicNames).toCompletionStage().toCompletableFuture().get(30, TimeUnit.MINUTES);
      double seconds = (System.nanoTime() - started) / 1e9;
      probe.report(seconds, publishers, instances, topics, maxBatch);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get(1, TimeUnit.MINUTES);
      System.exit(0);
    }
  }

  private Future<?> run(List<String> users, List<String> topicNames) {
    return Future.all(IntStream.range(0, users.size())
      .mapToObj(i -> publishFrom(users.get(i), topicNames.get(i % topicNames.size())))
      .toList());
  }

  /**
   * One publisher: publish, wait for the reply, repeat until the shared count is reached. A promise per
   * publisher rather than a compose per message, so that a long run does not build a deep future chain.
   */
  private Future<Void> publishFrom(String user, String topic) {
    Promise<Void> done = Promise.promise();
    publishNext(user, topic, done);
    return done.future();
  }

  private void publishNext(String user, String topic, Promise<Void> done) {
    int index = issued.getAndIncrement();
    if (index >= messages) {
      done.complete();
      return;
    }
    long sent = System.nanoTime();
    routing.publish(user, topic, "probe message " + index)
      .onFailure(done::fail)
      .onSuccess(published -> {
        latencies[index] = System.nanoTime() - sent;
        publishNext(user, topic, done);
      });
  }

  private void report(double seconds, int publishers, int instances, int topics, int maxBatch) {
    long[] sorted = latencies.clone();
    Arrays.sort(sorted);
    LOG.info("{} appends in {} s with {} publishers, {} instance(s), {} topic(s), maxBatch {}: {} appends/s; "
        + "latency p50 {} ms, p99 {} ms, max {} ms",
      messages, String.format("%.2f", seconds), publishers, instances, topics, maxBatch,
      Math.round(messages / seconds), millis(sorted, 0.50), millis(sorted, 0.99), millis(sorted, 1.0));
  }

  private static String millis(long[] sorted, double quantile) {
    int index = Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1);
    return String.format("%.1f", sorted[Math.max(0, index)] / 1e6);
  }

  private static int argument(String[] args, int index, int fallback) {
    return args.length > index ? Integer.parseInt(args[index]) : fallback;
  }
}
