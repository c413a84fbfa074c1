package io.gatehouse.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Gatehouse target against a stand-in gateway: REST accounts as in PROTOCOLS.md §2 and the action protocol
 * behind {@code /ws/<token>}, which refuses unknown tokens.
 */
@ExtendWith(VertxExtension.class)
@Timeout(value = 60, timeUnit = TimeUnit.SECONDS)
class GatehouseTargetTest {

  private final Map<String, String> tokensByUser = new ConcurrentHashMap<>();
  private final AtomicInteger registrations = new AtomicInteger();
  private final AtomicInteger logins = new AtomicInteger();
  private int port;

  @BeforeEach
  void startStandIn(Vertx vertx, VertxTestContext ctx) {
    RawTopicBoard board = new RawTopicBoard();
    HttpServer server = vertx.createHttpServer()
      .requestHandler(request -> request.body().onSuccess(body -> answer(request, body.toJsonObject())))
      .webSocketHandler(socket -> {
        String token = socket.path().substring("/ws/".length());
        if (!tokensByUser.containsValue(token)) {
          socket.close((short) 4401, "Invalid token");
          return;
        }
        // As the gateway does: the token is verified after the upgrade, anything sent before that is refused
        // with unauthorized, and {"action":"auth","success":true} says when the connection may be used.
        Context context = Vertx.currentContext();
        socket.textMessageHandler(text -> socket.writeTextMessage(new JsonObject().put("action", "error")
          .put("success", false).put("code", "unauthorized").put("id", new JsonObject(text).getValue("id")).encode()));
        vertx.setTimer(50, id -> {
          socket.writeTextMessage(new JsonObject().put("action", "auth").put("success", true).encode());
          new RawSession(socket, context, board).start();
        });
      });
    server.listen(0, RawCeilingServer.HOST).onComplete(ctx.succeeding(bound -> {
      port = bound.actualPort();
      ctx.completeNow();
    }));
  }

  @Test
  @DisplayName("accounts are registered on the first run and logged into on the next, and their tokens open the sockets")
  void registersThenLogsIn(Vertx vertx, VertxTestContext ctx, @TempDir Path dir) {
    BenchOptions first = options(dir.resolve("first.json"));
    BenchOptions second = options(dir.resolve("second.json"));

    LoadGenerator.run(vertx, first)
      .compose(firstResult -> LoadGenerator.run(vertx, second).map(secondResult -> Map.of("first", firstResult,
        "second", secondResult)))
      .onComplete(ctx.succeeding(results -> ctx.verify(() -> {
        assertThat(registrations.get()).isEqualTo(6);
        assertThat(logins.get()).isEqualTo(6);
        for (JsonObject result : results.values()) {
          assertThat(result.getString("target")).isEqualTo("gatehouse");
          assertThat(result.getLong("publishes")).isPositive();
          assertThat(result.getLong("deliveries")).isEqualTo(result.getLong("publishes") * 3);
          assertThat(result.getLong("errors")).isZero();
        }
        ctx.completeNow();
      })));
  }

  private BenchOptions options(Path out) {
    return BenchOptions.parse("--target", "gatehouse", "--url", "ws://127.0.0.1:" + port, "--connections", "6",
      "--topics", "2", "--subscribers-per-topic", "3", "--publishers", "2", "--rate", "50", "--warmup", "0",
      "--duration", "1", "--user-prefix", "standin", "--out", out.toString());
  }

  private void answer(HttpServerRequest request, JsonObject body) {
    String username = body.getString("username");
    Future<Void> answered = switch (request.path()) {
      case "/register" -> {
        if (tokensByUser.containsKey(username)) {
          yield reply(request, 400, new JsonObject().put("error", "Username or email already exists"));
        }
        registrations.incrementAndGet();
        tokensByUser.put(username, "token-" + username);
        yield reply(request, 201, account(username));
      }
      case "/login" -> {
        if (!tokensByUser.containsKey(username) || body.getString("password") == null) {
          yield reply(request, 401, new JsonObject().put("error", "Invalid username or password"));
        }
        logins.incrementAndGet();
        yield reply(request, 200, account(username));
      }
      default -> reply(request, 404, new JsonObject());
    };
    answered.onFailure(Throwable::printStackTrace);
  }

  private JsonObject account(String username) {
    return new JsonObject().put("access_token", tokensByUser.get(username)).put("username", username)
      .put("user_id", "id-" + username);
  }

  private static Future<Void> reply(HttpServerRequest request, int status, JsonObject body) {
    return request.response().setStatusCode(status).putHeader("content-type", "application/json").end(body.encode());
  }
}
