package io.gatehouse.face.polyglot;

import io.gatehouse.contract.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Who the engine bridge lets in: only peers that present the engine secret, and only on the engine address. */
@DisplayName("the face engine bridge admits only peers with the engine secret")
class BridgeAdmissionTest {

  private static Vertx vertx;
  private static EngineBridge bridge;
  private static String secret;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    Path keys = EngineTestKit.tempDir("bridge-keys");
    EngineSecret engineSecret = EngineSecret.loadOrCreate(keys);
    secret = Files.readString(engineSecret.file()).trim();
    PolyglotOptions options = PolyglotOptions.from(new JsonObject().put("bridgePort", 0), 1 << 20, 1 << 24);
    bridge = await(EngineBridge.start(vertx, options, engineSecret));
  }

  @AfterAll
  static void stop() throws Exception {
    await(bridge.close());
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("the secret file is created owner-only with 64 hex characters")
  void secretFileIsPrivate() throws Exception {
    EngineSecret again = EngineSecret.loadOrCreate(EngineTestKit.tempDir("fresh-keys"));

    assertThat(Files.readString(again.file()).trim()).matches("[0-9a-f]{64}");
    assertThat(Files.getPosixFilePermissions(again.file()))
      .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    assertThat(again.matches("not it")).isFalse();
  }

  @Test
  @DisplayName("a registration without the secret, or with a wrong one, is refused and the connection closed")
  void noSecretNoEntry() {
    for (String presented : new String[] {null, "0".repeat(64), ""}) {
      try (BridgePeer peer = BridgePeer.connect(bridge.port())) {
        peer.register(Addresses.FaceEngine.ANALYZE, presented);

        JsonObject refusal = peer.read();
        assertThat(refusal.getString("type")).isEqualTo("err");
        assertThat(peer.read()).as("connection closed").isNull();
      }
    }
    assertThat(bridge.workers()).isZero();
  }

  @Test
  @DisplayName("a registration whose headers are not an object is refused like one without the secret")
  void malformedHeadersNoEntry() {
    for (Object headers : new Object[] {"secret", 42, new io.vertx.core.json.JsonArray().add(secret)}) {
      try (BridgePeer peer = BridgePeer.connect(bridge.port())) {
        peer.send(new JsonObject().put("type", "register").put("address", Addresses.FaceEngine.ANALYZE)
          .put("headers", headers));

        assertThat(peer.read().getString("type")).isEqualTo("err");
        assertThat(peer.read()).as("connection closed").isNull();
      }
    }
    assertThat(bridge.workers()).isZero();
  }

  @Test
  @DisplayName("sending before registering is refused too, so an outsider cannot reach any address")
  void noSendWithoutRegistering() {
    try (BridgePeer peer = BridgePeer.connect(bridge.port())) {
      peer.send(new JsonObject().put("type", "send").put("address", Addresses.Face.CREATE_SESSION)
        .put("body", new JsonObject()));

      assertThat(peer.read().getString("type")).isEqualTo("err");
      assertThat(peer.read()).isNull();
    }
  }

  @Test
  @DisplayName("a peer with the secret is served engine requests but may not register other addresses")
  void workerWithSecretServes() throws Exception {
    try (BridgePeer worker = BridgePeer.connect(bridge.port())) {
      worker.register(Addresses.FaceEngine.ANALYZE, secret);
      await(bridge.awaitWorkers(1));
      worker.serve(body -> new JsonObject().put("echo", body.getBoolean("descriptor")));

      Object reply = await(vertx.eventBus().request(Addresses.FaceEngine.ANALYZE,
        new JsonObject().put("image", new byte[] {1, 2, 3}).put("descriptor", true),
        new DeliveryOptions().setSendTimeout(10_000))).body();
      assertThat(reply).isEqualTo(new JsonObject().put("echo", true));
    }
    try (BridgePeer intruder = BridgePeer.connect(bridge.port())) {
      intruder.register(Addresses.Face.CREATE_SESSION, secret);

      assertThat(intruder.read().getMap()).containsEntry("type", "err").containsEntry("message", "access_denied");
    }
  }
}
