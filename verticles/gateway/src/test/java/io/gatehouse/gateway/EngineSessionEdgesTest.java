package io.gatehouse.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Raw Engine.IO requests and WebSockets against the reference server's behaviour. */
@DisplayName("Engine.IO sessions: stray polls after an upgrade, a close while a GET waits, the connect timeout")
class EngineSessionEdgesTest {

  private static final String POLLING = "EIO=4&transport=polling";
  private static GatewayFixture gateway;

  @BeforeAll
  static void start() {
    gateway = GatewayFixture.start(new JsonObject(), new JsonObject().put("socketio",
      new JsonObject().put("pingIntervalMs", 400).put("pingTimeoutMs", 2000).put("connectTimeoutMs", 1500)));
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static HttpProbe.Reply poll(HttpMethod method, String query, String body) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("content-type", "text/plain;charset=UTF-8");
    return gateway.http.sendWithHeaders(method, "/socket.io/?" + query, headers, body == null ? null : Buffer.buffer(body));
  }

  private static String handshake() {
    HttpProbe.Reply open = poll(HttpMethod.GET, POLLING, null);
    assertThat(open.status()).isEqualTo(200);
    return new JsonObject(open.raw().toString().substring(1)).getString("sid");
  }

  @Test
  @DisplayName("a stray polling GET or POST after the upgrade gets 400, and the upgraded WebSocket carries on")
  void strayPollAfterUpgrade() throws Exception {
    String sid = handshake();
    RawEngineSocket upgraded = new RawEngineSocket(gateway, "/socket.io/?EIO=4&transport=websocket&sid=" + sid);
    upgraded.ws.writeTextMessage("2probe");
    assertThat(upgraded.nextAnsweringPings()).isEqualTo("3probe");
    upgraded.ws.writeTextMessage("5");

    assertThat(poll(HttpMethod.GET, POLLING + "&sid=" + sid, null).status()).isEqualTo(400);
    assertThat(poll(HttpMethod.POST, POLLING + "&sid=" + sid, "40").status()).isEqualTo(400);

    upgraded.answerPings(3);
    upgraded.ws.writeTextMessage("40/chat,{\"token\":\"bad\"}");
    assertThat(upgraded.nextAnsweringPings()).startsWith("44/chat,{\"message\":\"Unauthorized");
    assertThat(upgraded.closed).isNotDone();
  }

  @Test
  @DisplayName("a close packet POSTed while a GET waits answers that GET with a noop, as the reference server does")
  void closeWhileGetWaits() throws Exception {
    // the GET must be waiting when the close arrives: the first attempt where it was is the one asserted
    for (int attempt = 1; attempt <= 5; attempt++) {
      String sid = handshake();
      CompletableFuture<HttpProbe.Reply> waiting = CompletableFuture.supplyAsync(
        () -> poll(HttpMethod.GET, POLLING + "&sid=" + sid, null));
      Thread.sleep(50L * attempt);
      assertThat(poll(HttpMethod.POST, POLLING + "&sid=" + sid, "1").status()).isEqualTo(200);
      HttpProbe.Reply get = waiting.get(10, TimeUnit.SECONDS);
      if (get.status() == 200 && !get.raw().toString().equals("2")) {
        assertThat(get.raw().toString()).isEqualTo("6");
        assertThat(poll(HttpMethod.GET, POLLING + "&sid=" + sid, null).json().getInteger("code")).isEqualTo(1);
        return;
      }
    }
    throw new AssertionError("the GET never waited for the close");
  }

  @Test
  @DisplayName("a client that answers pings but never joins a namespace is closed after connectTimeoutMs; one that joins is not")
  void connectTimeout() throws Exception {
    RawEngineSocket idle = new RawEngineSocket(gateway, "/socket.io/?EIO=4&transport=websocket");
    RawEngineSocket joined = new RawEngineSocket(gateway, "/socket.io/?EIO=4&transport=websocket");
    assertThat(idle.nextAnsweringPings()).startsWith("0{");
    assertThat(joined.nextAnsweringPings()).startsWith("0{");
    JsonObject user = gateway.user("patient");
    joined.ws.writeTextMessage("40/chat,{\"token\":\"" + user.getString("access_token") + "\"}");
    assertThat(joined.nextAnsweringPings()).startsWith("40/chat,");

    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!idle.closed.isDone() && System.nanoTime() < deadline) {
      for (RawEngineSocket socket : new RawEngineSocket[] {idle, joined}) {
        if ("2".equals(socket.frames.poll(20, TimeUnit.MILLISECONDS))) {
          socket.ws.writeTextMessage("3");
        }
      }
    }
    assertThat(idle.closed).as("the idle session is closed").isDone();
    joined.answerPings(4);
    assertThat(joined.closed).isNotDone();
  }
}
