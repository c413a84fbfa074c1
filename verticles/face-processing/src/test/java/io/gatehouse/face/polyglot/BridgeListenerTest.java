package io.gatehouse.face.polyglot;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.edge.ConnectionBudget;
import io.gatehouse.contract.edge.EdgeOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The engine bridge's listener: idle timeout, frame bound, per-address connection bound, frame validation. */
@DisplayName("the face engine bridge listener bounds its peers")
class BridgeListenerTest {

  private static final int MAX_FRAME = 4_096;
  private static final int PER_ADDRESS = 4;

  private static Vertx vertx;
  private static EngineBridge bridge;
  private static String secret;
  private static EdgeOptions edge;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    EngineSecret engineSecret = EngineSecret.loadOrCreate(EngineTestKit.tempDir("bridge-keys"));
    secret = Files.readString(engineSecret.file()).trim();
    PolyglotOptions options = PolyglotOptions.from(new JsonObject().put("bridgePort", 0)
      .put("bridgeIdleTimeoutMs", 1_000).put("bridgeMaxFrameBytes", MAX_FRAME), 1 << 20, 1 << 24);
    edge = EdgeOptions.from(new JsonObject().put("edge",
      new JsonObject().put("maxConnectionsPerAddress", PER_ADDRESS)));
    bridge = await(EngineBridge.start(vertx, options, engineSecret, edge));
  }

  @AfterAll
  static void stop() throws Exception {
    await(bridge.close());
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  private static byte[] frame(int length, byte[] payload) {
    return ByteBuffer.allocate(4 + payload.length).putInt(length).put(payload).array();
  }

  @Test
  @DisplayName("a peer that sends nothing is closed after the idle timeout")
  void silentPeerClosed() {
    try (BridgePeer peer = BridgePeer.connect(bridge.port())) {
      assertThat(peer.read()).as("closed without a frame").isNull();
    }
  }

  @Test
  @DisplayName("a peer that pings is kept past several idle timeouts and is answered pong")
  void pingingPeerKept() throws Exception {
    try (BridgePeer peer = BridgePeer.connect(bridge.port())) {
      for (int i = 0; i < 8; i++) {
        peer.send(new JsonObject().put("type", "ping"));
        assertThat(peer.read()).isEqualTo(new JsonObject().put("type", "pong"));
        Thread.sleep(400);
      }
      peer.register(Addresses.FaceEngine.ANALYZE, secret);
      await(bridge.awaitWorkers(1));
    }
  }

  @Test
  @DisplayName("a frame announcing more than bridgeMaxFrameBytes is refused with frame_too_large and closed")
  void oversizedFrameRefused() {
    try (BridgePeer peer = BridgePeer.connect(bridge.port())) {
      peer.sendRaw(frame(MAX_FRAME + 1, new byte[64]));

      assertThat(peer.read()).isEqualTo(new JsonObject().put("type", "err").put("message", "frame_too_large"));
      assertThat(peer.read()).isNull();
    }
    try (BridgePeer peer = BridgePeer.connect(bridge.port())) {
      peer.sendRaw(frame(-5, new byte[0]));

      assertThat(peer.read().getString("message")).isEqualTo("invalid_length");
      assertThat(peer.read()).isNull();
    }
  }

  @Test
  @DisplayName("frames the bridge library would throw on are refused with a reason and closed")
  void malformedFramesRefused() {
    record Case(JsonObject frame, String reason) {
    }
    List<Case> cases = List.of(
      new Case(new JsonObject().put("type", "dance").put("address", "x"), "unknown_type"),
      new Case(new JsonObject().put("type", 7).put("address", "x"), "unknown_type"),
      new Case(new JsonObject().put("address", "x"), "unknown_type"),
      new Case(new JsonObject().put("type", "send"), "missing_address"),
      new Case(new JsonObject().put("type", "send").put("address", "x").put("headers", "h"), "invalid_headers"),
      new Case(new JsonObject().put("type", "register").put("address", Addresses.FaceEngine.ANALYZE)
        .put("headers", new JsonObject().put("secret", secret).put("timeout", "soon")), "invalid_headers"),
      new Case(new JsonObject().put("type", "register").put("address", Addresses.FaceEngine.ANALYZE)
        .put("headers", new JsonObject().put("secret", (Object) null)), "invalid_headers"),
      new Case(new JsonObject().put("type", "send").put("address", "x").put("failureCode", "500"), "invalid_field"),
      new Case(new JsonObject().put("type", "send").put("address", "x").put("replyAddress", 12), "invalid_field"));
    for (Case bad : cases) {
      try (BridgePeer peer = BridgePeer.connect(bridge.port())) {
        peer.send(bad.frame());

        assertThat(peer.read()).as(bad.frame().encode())
          .isEqualTo(new JsonObject().put("type", "err").put("message", bad.reason()));
        assertThat(peer.read()).isNull();
      }
    }
    try (BridgePeer peer = BridgePeer.connect(bridge.port())) {
      peer.sendRaw(frame(5, "[1,2]".getBytes()));
      assertThat(peer.read().getString("message")).isEqualTo("invalid_json");
    }
  }

  @Test
  @DisplayName("connections from one address beyond edge.maxConnectionsPerAddress are closed at once")
  void connectionsPerAddressBounded() throws Exception {
    ConnectionBudget budget = ConnectionBudget.of(vertx, edge);
    while (budget.open("127.0.0.1") > 0) {
      Thread.sleep(20); // connections of earlier tests being released
    }
    List<BridgePeer> open = new ArrayList<>();
    try {
      for (int i = 0; i < PER_ADDRESS; i++) {
        BridgePeer peer = BridgePeer.connect(bridge.port());
        peer.send(new JsonObject().put("type", "ping"));
        assertThat(peer.read().getString("type")).isEqualTo("pong");
        open.add(peer);
      }
      try (BridgePeer extra = BridgePeer.connect(bridge.port())) {
        extra.send(new JsonObject().put("type", "ping"));
        assertThat(extra.read()).as("closed, no pong").isNull();
      }
    } finally {
      open.forEach(BridgePeer::close);
    }
  }

  @Test
  @DisplayName("the default frame bound leaves room for a face frame of engine.maxFrameBytes in base64")
  void defaultBoundFitsAFaceFrame() {
    BridgeSecurity defaults = PolyglotOptions.from(new JsonObject(), 1 << 20, 1 << 24).bridgeSecurity();

    assertThat(defaults.maxFrameBytes()).isGreaterThan((1 << 20) * 4 / 3).isLessThan((1 << 20) * 2);
    assertThat(defaults.idleTimeoutMs()).isEqualTo(BridgeSecurity.DEFAULT_IDLE_TIMEOUT_MS);
    assertThat(defaults.pingMs()).isLessThan(defaults.idleTimeoutMs());
    assertThatThrownBy(() -> PolyglotOptions.from(new JsonObject().put("bridgeTls",
      new JsonObject().put("enabled", true)), 1 << 20, 1 << 24)).hasMessageContaining("face.bridgeTls");
  }
}
