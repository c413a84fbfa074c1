package io.gatehouse.stomp;

import io.gatehouse.gateway.GatewayFixture;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("STOMP listeners at the edge: browser Origins and connections per address")
class StompEdgeLimitsTest {

  private static SignupFixture fixture;
  private static GatewayFixture gatehouse;
  private static JsonObject user;

  @BeforeAll
  static void start() {
    fixture = new SignupFixture(new JsonObject().put("stomp", new JsonObject().put("maxConnectionsPerIp", 2)
      .put("allowedOrigins", new JsonArray().add("https://app.example.org"))));
    gatehouse = fixture.gatehouse;
    user = gatehouse.user("edge");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("a WebSocket from a browser Origin not allowed is refused with 403; listed and same-host Origins connect")
  void origins() throws Exception {
    assertThat(upgradeFailure("/stomp", "https://evil.example")).contains("403");
    assertThat(upgradeFailure("/v1/signup/ws?slotId=abc", "https://evil.example")).contains("403");

    for (String origin : new String[] {"https://app.example.org", "http://127.0.0.1:" + fixture.stomp.webSocketPort()}) {
      WebSocket ws = openWebSocket(origin);
      try {
        StringBuilder received = new StringBuilder();
        ws.textMessageHandler(received::append);
        ws.writeTextMessage("CONNECT\naccept-version:1.2\nheart-beat:0,0\npasscode:" + user.getString("access_token")
          + "\n\n\0");
        awaitContains(received, "CONNECTED");
      } finally {
        ws.close();
      }
    }
  }

  @Test
  @DisplayName("with two connections open from one address, a third is refused on TCP and on WebSocket, "
    + "and admitted again once one closes")
  void connectionsPerAddress() throws Exception {
    RawStomp first = connectTcp();
    try (RawStomp second = connectTcp()) {
      try (RawStomp third = RawStomp.tcp(fixture.stomp.tcpPort())) {
        assertThat(third.readUntilClosed()).startsWith("ERROR").contains("Too many connections");
      }
      assertThat(upgradeFailure("/stomp", null)).contains("429");

      first.close();
      try (RawStomp again = connectTcp()) {
        assertThat(again.isClosed()).isFalse();
      }
    }
  }

  /** A TCP connection that completed CONNECT, retrying while connections closed by earlier tests are released. */
  private static RawStomp connectTcp() throws Exception {
    for (int attempt = 0; ; attempt++) {
      RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort());
      stomp.send("CONNECT\naccept-version:1.2\nheart-beat:0,0\npasscode:" + user.getString("access_token") + "\n\n\0");
      String reply = stomp.awaitText("\0");
      if (reply.startsWith("CONNECTED")) {
        return stomp;
      }
      stomp.close();
      if (attempt >= 50) {
        throw new AssertionError("never admitted: " + reply);
      }
      Thread.sleep(100);
    }
  }

  private static WebSocket openWebSocket(String origin) throws Exception {
    WebSocketClient client = gatehouse.vertx.createWebSocketClient();
    return client.connect(options("/stomp", origin)).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static String upgradeFailure(String uri, String origin) {
    WebSocketClient client = gatehouse.vertx.createWebSocketClient();
    try {
      WebSocket ws = client.connect(options(uri, origin)).toCompletionStage().toCompletableFuture()
        .get(10, TimeUnit.SECONDS);
      ws.close();
      return "accepted";
    } catch (Exception e) {
      return String.valueOf(e.getCause() == null ? e : e.getCause());
    } finally {
      client.close();
    }
  }

  private static WebSocketConnectOptions options(String uri, String origin) {
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1")
      .setPort(fixture.stomp.webSocketPort()).setURI(uri);
    if (origin != null) {
      options.addHeader("Origin", origin);
    }
    return options;
  }

  private static void awaitContains(StringBuilder received, String text) throws InterruptedException {
    for (int i = 0; i < 200 && !received.toString().contains(text); i++) {
      Thread.sleep(50);
    }
    assertThat(received.toString()).contains(text);
  }
}
