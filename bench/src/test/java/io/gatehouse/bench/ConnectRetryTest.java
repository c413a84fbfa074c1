package io.gatehouse.bench;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class ConnectRetryTest {

  @Test
  @DisplayName("a connection the server closes with 1013 try-again-later is opened again, not counted as a failed run")
  void reopensAfterTryAgainLater(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    Map<String, Integer> attempts = new ConcurrentHashMap<>();
    // Like a gateway whose services are slow to answer: every connection's first attempt is told to come back.
    HttpServer server = vertx.createHttpServer().webSocketHandler(socket -> {
      if (attempts.merge(socket.path(), 1, Integer::sum) == 1) {
        socket.writeTextMessage(new JsonObject().put("action", "error").put("success", false).put("code", "unavailable")
          .put("retry_after_ms", 100).encode());
        socket.close((short) 1013, "Try Again Later");
        return;
      }
      socket.textMessageHandler(text -> {
        JsonObject request = new JsonObject(text);
        socket.writeTextMessage(new JsonObject().put("action", request.getString("action")).put("success", true)
          .put("id", request.getValue("id")).encode());
      });
    });
    server.listen(0).onComplete(ctx.succeeding(bound -> {
      BenchOptions options = BenchOptions.parse("--target", "raw", "--url", "ws://127.0.0.1:" + bound.actualPort(),
        "--connections", "5", "--idle", "--duration", "0", "--out", dir.resolve("idle.json").toString());
      LoadGenerator.run(vertx, options).onComplete(ctx.succeeding(result -> ctx.verify(() -> {
        assertThat(result.getInteger("openConnections")).isEqualTo(5);
        assertThat(attempts).hasSize(5).allSatisfy((path, count) -> assertThat(count).isEqualTo(2));
        assertThat(result.getJsonObject("errorsByCode").getMap()).containsOnlyKeys("connect_retry");
        assertThat(result.getJsonObject("errorsByCode").getLong("connect_retry")).isEqualTo(5);
        ctx.completeNow();
      })));
    }));
  }
}
