package io.gatehouse.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class LoadGeneratorTest {

  private int port;

  @BeforeEach
  void startRawServer(Vertx vertx, VertxTestContext ctx) {
    RawCeilingServer.start(vertx, 0, 2).onComplete(ctx.succeeding(bound -> {
      port = bound;
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("against the raw server every measured publish is delivered once to each of its topic's subscribers")
  void deliversEveryPublishToEverySubscriber(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    Path out = dir.resolve("nested/raw.json");
    BenchOptions options = BenchOptions.parse("--target", "raw", "--url", "ws://127.0.0.1:" + port,
      "--connections", "20", "--topics", "2", "--subscribers-per-topic", "10", "--publishers", "2",
      "--rate", "200", "--warmup", "0", "--duration", "1", "--out", out.toString(), "--client-threads", "2");

    LoadGenerator.run(vertx, options).onComplete(ctx.succeeding(result -> ctx.verify(() -> {
      assertThat(result.getLong("publishes")).isPositive();
      assertThat(result.getLong("deliveries")).isEqualTo(result.getLong("publishes") * 10);
      assertThat(result.getLong("deliveriesExpected")).isEqualTo(result.getLong("deliveries"));
      assertThat(result.getLong("deliveriesMissing")).isZero();
      assertThat(result.getLong("errors")).isZero();
      assertThat(result.getJsonObject("latencyMicros").getLong("count")).isEqualTo(result.getLong("deliveries"));

      JsonObject written = new JsonObject(Files.readString(out));
      assertThat(written.fieldNames()).contains("kind", "target", "url", "connections", "topics",
        "subscribersPerTopic", "publishers", "rate", "durationSeconds", "warmupSeconds", "publishes",
        "publishesPerSecond", "deliveries", "deliveriesExpected", "deliveriesPerSecond", "latencyMicros",
        "errors", "errorsByCode");
      assertThat(written.getJsonObject("latencyMicros").fieldNames()).contains("p50", "p99", "p999", "max");
      assertThat(written.getString("target")).isEqualTo("raw");
      assertThat(written.getLong("deliveries")).isEqualTo(result.getLong("deliveries"));
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("with no rate the publishers keep their window full and still lose nothing")
  void windowBoundRunLosesNothing(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    BenchOptions options = BenchOptions.parse("--target", "raw", "--url", "ws://127.0.0.1:" + port,
      "--connections", "12", "--topics", "3", "--subscribers-per-topic", "4", "--publishers", "5",
      "--window", "4", "--warmup", "1", "--duration", "1", "--out", dir.resolve("w.json").toString());

    LoadGenerator.run(vertx, options).onComplete(ctx.succeeding(result -> ctx.verify(() -> {
      assertThat(result.getLong("publishes")).isPositive();
      assertThat(result.getLong("deliveries")).isEqualTo(result.getLong("deliveriesExpected"));
      assertThat(result.getLong("errors")).isZero();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("with --messages the publishers send exactly that many, and the run ends once all are delivered")
  void countedRunSendsExactlyTheMessages(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    BenchOptions options = BenchOptions.parse("--target", "raw", "--url", "ws://127.0.0.1:" + port,
      "--connections", "31", "--topics", "1", "--subscribers-per-topic", "31", "--publishers", "2",
      "--messages", "301", "--window", "500", "--warmup", "0", "--duration", "30",
      "--out", dir.resolve("m.json").toString());

    LoadGenerator.run(vertx, options).onComplete(ctx.succeeding(result -> ctx.verify(() -> {
      assertThat(result.getLong("publishes")).isEqualTo(301);
      assertThat(result.getLong("deliveries")).isEqualTo(301L * 31);
      assertThat(result.getLong("deliveriesMissing")).isZero();
      assertThat(result.getLong("errors")).isZero();
      assertThat(result.getDouble("deliveriesPerSecond")).isPositive();
      assertThat(result.getInteger("messages")).isEqualTo(301);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("an idle run holds the connections and writes how many were open")
  void idleRunHoldsConnections(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    Path out = dir.resolve("idle.json");
    BenchOptions options = BenchOptions.parse("--target", "raw", "--url", "ws://127.0.0.1:" + port,
      "--connections", "30", "--idle", "--duration", "0", "--out", out.toString());

    LoadGenerator.run(vertx, options).onComplete(ctx.succeeding(result -> ctx.verify(() -> {
      assertThat(result.getString("kind")).isEqualTo("idle");
      assertThat(result.getInteger("openConnections")).isEqualTo(30);
      assertThat(result.containsKey("bytesPerConnection")).isFalse();
      assertThat(Files.exists(out)).isTrue();
      ctx.completeNow();
    })));
  }
}
