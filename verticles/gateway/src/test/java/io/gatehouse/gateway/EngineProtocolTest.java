package io.gatehouse.gateway;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Engine.IO edge cases: versions, garbage, oversized packets, unanswered pings")
class EngineProtocolTest {

  private static GatewayFixture gateway;

  @BeforeAll
  static void start() {
    gateway = GatewayFixture.start(new JsonObject(), new JsonObject().put("socketio",
      new JsonObject().put("pingIntervalMs", 300).put("pingTimeoutMs", 300).put("maxPayload", 1000)));
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
    HttpProbe.Reply open = poll(HttpMethod.GET, "EIO=4&transport=polling", null);
    assertThat(open.status()).isEqualTo(200);
    JsonObject handshake = new JsonObject(open.raw().toString().substring(1));
    assertThat(handshake.getJsonArray("upgrades")).containsExactly("websocket");
    assertThat(handshake.getLong("pingInterval")).isEqualTo(300);
    assertThat(handshake.getLong("pingTimeout")).isEqualTo(300);
    assertThat(handshake.getInteger("maxPayload")).isEqualTo(1000);
    return handshake.getString("sid");
  }

  @Test
  @DisplayName("a wrong EIO version, an unknown transport and an unknown sid are refused with Engine.IO's error codes")
  void handshakeRefusals() {
    HttpProbe.Reply v3 = poll(HttpMethod.GET, "EIO=3&transport=polling", null);
    assertThat(v3.status()).isEqualTo(400);
    assertThat(v3.json().getInteger("code")).isEqualTo(5);
    assertThat(poll(HttpMethod.GET, "EIO=4&transport=carrier-pigeon", null).json().getInteger("code")).isZero();
    assertThat(poll(HttpMethod.GET, "EIO=4&transport=polling&sid=nope", null).json().getInteger("code")).isEqualTo(1);
    assertThat(poll(HttpMethod.POST, "EIO=4&transport=polling", "40").json().getInteger("code")).isEqualTo(2);
  }

  @Test
  @DisplayName("a garbage packet type over polling closes the session; its sid is then unknown")
  void garbageOverPollingClosesTheSession() {
    String sid = handshake();
    assertThat(poll(HttpMethod.POST, "EIO=4&transport=polling&sid=" + sid, "9nonsense").status()).isEqualTo(400);
    assertThat(poll(HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, null).json().getInteger("code")).isEqualTo(1);
  }

  @Test
  @DisplayName("a payload over maxPayload is refused with 413 and closes the session")
  void oversizedPayloadClosesTheSession() {
    String sid = handshake();
    HttpProbe.Reply tooLarge = poll(HttpMethod.POST, "EIO=4&transport=polling&sid=" + sid, "4" + "x".repeat(2000));
    assertThat(tooLarge.status()).isEqualTo(413);
    assertThat(poll(HttpMethod.GET, "EIO=4&transport=polling&sid=" + sid, null).json().getInteger("code")).isEqualTo(1);
  }

  @Test
  @DisplayName("over WebSocket, a garbage Socket.IO packet and an oversized message each close the connection")
  void garbageOverWebSocketCloses() throws Exception {
    RawEngineSocket garbage = new RawEngineSocket(gateway, "/socket.io/?EIO=4&transport=websocket");
    assertThat(garbage.next()).startsWith("0{\"sid\":");
    garbage.ws.writeTextMessage("4{not json");
    assertThat(garbage.closesWithin(10)).isTrue();

    RawEngineSocket oversized = new RawEngineSocket(gateway, "/socket.io/?EIO=4&transport=websocket");
    assertThat(oversized.next()).startsWith("0{");
    oversized.ws.writeTextMessage("4" + "x".repeat(2000));
    assertThat(oversized.closesWithin(10)).isTrue();
  }

  @Test
  @DisplayName("a client that answers pings stays connected; one that does not is closed after the ping timeout")
  void unansweredPingClosesTheSession() throws Exception {
    RawEngineSocket polite = new RawEngineSocket(gateway, "/socket.io/?EIO=4&transport=websocket");
    RawEngineSocket silent = new RawEngineSocket(gateway, "/socket.io/?EIO=4&transport=websocket");
    assertThat(polite.next()).startsWith("0{");
    assertThat(silent.next()).startsWith("0{");
    for (int i = 0; i < 4; i++) {
      assertThat(polite.next()).isEqualTo("2");
      polite.ws.writeTextMessage("3");
    }
    assertThat(silent.next()).isEqualTo("2");
    assertThat(silent.closesWithin(10)).isTrue();
    assertThat(polite.closed).isNotDone();
    polite.ws.writeTextMessage("40/chat,{\"token\":\"bad\"}");
    assertThat(polite.nextAnsweringPings()).startsWith("44/chat,{\"message\":\"Unauthorized");
  }
}
