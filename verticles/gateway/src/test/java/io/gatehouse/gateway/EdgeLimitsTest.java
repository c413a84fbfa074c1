package io.gatehouse.gateway;

import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("limits at the edge: connections per address, messages per second, browser Origins")
class EdgeLimitsTest {

  private static GatewayFixture gatehouse;

  @BeforeAll
  static void start() {
    gatehouse = GatewayFixture.start(new JsonObject().put("maxConnectionsPerIp", 2).put("messagesPerSecond", 1)
      .put("messageBurst", 5).put("allowedOrigins", new JsonArray().add("https://app.example.org")));
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  private static Throwable upgradeFailure(WebSocketConnectOptions options) {
    WebSocketClient client = gatehouse.vertx.createWebSocketClient(new WebSocketClientOptions());
    try {
      client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
      return null;
    } catch (Exception e) {
      return e.getCause() == null ? e : e.getCause();
    } finally {
      client.close();
    }
  }

  @Test
  @DisplayName("a third connection from one address is refused with 429 while two are open, and admitted after one closes")
  void connectionsPerAddress() {
    JsonObject user = gatehouse.user("many");
    ActionClient first = gatehouse.connect(user);
    try (ActionClient second = gatehouse.connect(user)) {
      Throwable refused = upgradeFailure(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(gatehouse.port).setURI("/ws"));
      assertThat(refused).isNotNull();
      assertThat(refused.getMessage()).contains("429");
      first.close();
      first.awaitClose(java.time.Duration.ofSeconds(5));
      try (ActionClient third = retryConnect(user)) {
        assertThat(third.call(new JsonObject().put("action", "ping")).getBoolean("success")).isTrue();
      }
    }
  }

  private static ActionClient retryConnect(JsonObject user) {
    for (int attempt = 0; ; attempt++) {
      try {
        return gatehouse.connect(user);
      } catch (RuntimeException e) {
        if (attempt > 20) {
          throw e;
        }
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  @Test
  @DisplayName("messages beyond the burst are answered rate_limited and the socket stays open")
  void messagesPerSecond() {
    try (ActionClient client = gatehouse.connect(gatehouse.user("chatty"))) {
      for (int i = 0; i < 10; i++) {
        client.send(new JsonObject().put("action", "ping").put("id", i));
      }
      JsonObject limited = client.expect(json -> "rate_limited".equals(json.getString("code")));
      assertThat(limited.getBoolean("success")).isFalse();
      assertThat(client.isClosed()).isFalse();
    }
  }

  @Test
  @DisplayName("a browser Origin that is not listed is refused; a listed one is accepted")
  void originCheck() {
    WebSocketConnectOptions base = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(gatehouse.port).setURI("/ws");
    Throwable evil = upgradeFailure(new WebSocketConnectOptions(base.toJson()).addHeader("Origin", "https://evil.example"));
    assertThat(evil).isNotNull();
    assertThat(evil.getMessage()).contains("403");
    assertThat(upgradeFailure(new WebSocketConnectOptions(base.toJson()).addHeader("Origin", "https://app.example.org"))).isNull();
  }

  @Test
  @DisplayName("/eventbus: a browser Origin that is not listed gets 403, on the WebSocket handshake and on SockJS info")
  void eventBusOriginCheck() {
    WebSocketConnectOptions base = eventBusSocket();
    Throwable evil = upgradeFailure(new WebSocketConnectOptions(base.toJson()).addHeader("Origin", "https://evil.example"));
    assertThat(evil).isNotNull();
    assertThat(evil.getMessage()).contains("403");
    assertThat(upgradeFailure(new WebSocketConnectOptions(base.toJson()).addHeader("Origin", "https://app.example.org"))).isNull();
    HttpProbe.Reply info = gatehouse.http.sendWithHeaders(io.vertx.core.http.HttpMethod.GET, "/eventbus/info",
      io.vertx.core.MultiMap.caseInsensitiveMultiMap().add("Origin", "https://evil.example"), null);
    assertThat(info.status()).isEqualTo(403);
  }

  @Test
  @DisplayName("/eventbus: with two sockets open from one address a third handshake gets 429, and one is admitted after a close")
  void eventBusConnectionsPerAddress() throws Exception {
    WebSocketClient client = gatehouse.vertx.createWebSocketClient(new WebSocketClientOptions());
    try {
      WebSocket first = openEventBusSocket(client);
      WebSocket second = openEventBusSocket(client);
      Throwable refused = upgradeFailure(eventBusSocket());
      assertThat(refused).isNotNull();
      assertThat(refused.getMessage()).contains("429");

      first.close();
      WebSocket third = openEventBusSocket(client);
      third.close();
      second.close();
    } finally {
      client.close();
    }
  }

  private static WebSocketConnectOptions eventBusSocket() {
    return new WebSocketConnectOptions().setHost("127.0.0.1").setPort(gatehouse.port).setURI("/eventbus/websocket");
  }

  /**
   * A raw SockJS WebSocket the bridge has taken on: it answered a (refused) registration, so the socket is
   * counted. Retries while sockets of earlier tests are still being released.
   */
  private static WebSocket openEventBusSocket(WebSocketClient client) throws Exception {
    for (int attempt = 0; ; attempt++) {
      try {
        WebSocket ws = client.connect(eventBusSocket()).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        java.util.concurrent.CompletableFuture<String> answer = new java.util.concurrent.CompletableFuture<>();
        ws.handler(data -> answer.complete(data.toString()));
        ws.writeTextMessage(new JsonObject().put("type", "register").put("address", "not.permitted").encode());
        assertThat(answer.get(10, TimeUnit.SECONDS)).contains("rejected");
        return ws;
      } catch (java.util.concurrent.ExecutionException e) {
        if (attempt >= 50 || !String.valueOf(e.getCause()).contains("429")) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }
}
