package io.gatehouse.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Locale;

/**
 * Loads an action-protocol server (Gatehouse or the {@link RawCeilingServer}) over WebSockets and reports
 * throughput and publish → deliver latency; with {@code --idle}, the server heap per idle connection.
 * Options: see {@link BenchOptions}; the result also goes to {@code --out} as JSON.
 */
public final class LoadGenerator {

  private static final Logger LOG = LoggerFactory.getLogger(LoadGenerator.class);

  private LoadGenerator() {
  }

  public static void main(String[] args) {
    BenchOptions options;
    try {
      options = BenchOptions.parse(args);
    } catch (IllegalArgumentException e) {
      LOG.error("{}", e.getMessage());
      LOG.error("usage: --target gatehouse|raw --url ws://127.0.0.1:8088 --connections N --topics M "
        + "--subscribers-per-topic S --publishers P --rate R --duration s --warmup s --out FILE "
        + "[--idle --server-pid PID] [--user-prefix bench --window 16 --handshakes 64 --payload-bytes 64]");
      System.exit(2);
      return;
    }
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.clientThreads()));
    int status = 0;
    try {
      run(vertx, options).await();
    } catch (Exception e) {
      // await() rethrows whatever failed the run, checked exceptions included (a refused connection).
      LOG.error("run failed: {}", e.getMessage());
      status = 1;
    } finally {
      vertx.close().await();
    }
    System.exit(status);
  }

  /** Runs what the options ask for, writes the JSON result file and completes with the same JSON. */
  public static Future<JsonObject> run(Vertx vertx, BenchOptions options) {
    LOG.info("{} run against {}: {} connections{}", options.target().label(), options.url(), options.connections(),
      options.idle() ? " held idle" : String.format(Locale.ROOT, ", %d topics x %d subscribers, %d publishers, rate %s",
        options.topics(), options.subscribersPerTopic(), options.publishers(),
        options.rate() == 0 ? "window-bound" : options.rate() + "/s"));
    Future<JsonObject> result = options.idle()
      ? new IdleRun(vertx, options).run().onSuccess(LoadGenerator::summarize).map(IdleResult::toJson)
      : new LoadRun(vertx, options).run().onSuccess(LoadGenerator::summarize).map(LoadResult::toJson);
    return result.compose(json -> write(vertx, options.out(), json).map(json));
  }

  private static Future<Void> write(Vertx vertx, Path out, JsonObject json) {
    Path parent = out.toAbsolutePath().getParent();
    return vertx.fileSystem().mkdirs(parent.toString())
      .compose(v -> vertx.fileSystem().writeFile(out.toString(), Buffer.buffer(json.encodePrettily())))
      .onSuccess(v -> LOG.info("result written to {}", out));
  }

  private static void summarize(LoadResult result) {
    LatencySummary latency = result.latency();
    LOG.info(String.format(Locale.ROOT,
      "%s: %,.0f deliveries/s, %,.0f publishes/s, publish->deliver p50 %.3f ms, p99 %.3f ms, p99.9 %.3f ms, "
        + "max %.3f ms; deliveries %d of %d expected; errors %d %s",
      result.options().target().label(), result.deliveriesPerSecond(), result.publishesPerSecond(),
      latency.p50() / 1000.0, latency.p99() / 1000.0, latency.p999() / 1000.0, latency.max() / 1000.0,
      result.deliveries(), result.deliveriesExpected(), result.errors(), result.errorsByCode()));
    if (result.bytesPerActiveConnection() >= 0) {
      LOG.info(String.format(Locale.ROOT, "server live heap %,d before connecting, %,d subscribed and idle, %,d after "
        + "streaming with the connections open: %,d bytes per idle connection, %,d per active connection",
        result.heapBefore().liveBytes(), result.heapSubscribed().liveBytes(), result.heapActive().liveBytes(),
        result.bytesPerIdleConnection(), result.bytesPerActiveConnection()));
    }
  }

  private static void summarize(IdleResult result) {
    if (result.before() == null) {
      LOG.info("{} idle connections held; no --server-pid, so no heap figures", result.openConnections());
      return;
    }
    LOG.info(String.format(Locale.ROOT, "%d idle connections: server live heap %,d -> %,d bytes, %,d bytes per connection",
      result.openConnections(), result.before().liveBytes(), result.after().liveBytes(), result.bytesPerConnection()));
  }
}
