package io.gatehouse.face;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.edge.SelfSignedCertificate;
import io.gatehouse.contract.face.AnalyzeFrame;
import io.gatehouse.contract.face.FrameAnalysis;
import io.gatehouse.face.engine.FaceFixtures;
import io.gatehouse.face.polyglot.BridgePeer;
import io.gatehouse.face.polyglot.EngineTestKit;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClientOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemTrustOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine bridge on TLS from PEM files (a self-signed certificate made for this run) with a short idle
 * timeout: the node's real worker joins over TLS and keeps its connection by pinging; a peer speaking plain
 * TCP gets nothing.
 */
@DisplayName("the face engine bridge speaks TLS and keeps pinging workers")
class EngineBridgeTlsTest {

  /** Short, yet above what one analysis may hold a loaded worker's event loop (pings wait for it). */
  private static final long IDLE_TIMEOUT_MS = 3_000;

  private static SelfSignedCertificate certificate;
  private static BusSessions sessions;
  private static int port;

  @BeforeAll
  static void deploy() {
    certificate = SelfSignedCertificate.create();
    JsonObject faceSection = EngineTestKit.faceSection(1).put("bridgeIdleTimeoutMs", IDLE_TIMEOUT_MS)
      .put("bridgeTls", new JsonObject().put("enabled", true).put("certPath", certificate.certPem().toString())
        .put("keyPath", certificate.keyPem().toString()));
    sessions = new BusSessions("bridgetls", faceSection);
    BusSessions.await(sessions.face.engine().bridge().awaitWorkers(1));
    port = sessions.face.engine().bridge().port();
  }

  @AfterAll
  static void close() {
    sessions.close();
  }

  @Test
  @DisplayName("the worker joined over TLS still serves a real frame after several idle timeouts")
  void workerOverTlsStaysJoined() throws Exception {
    Thread.sleep(3 * IDLE_TIMEOUT_MS);

    assertThat(sessions.face.engine().bridge().workers()).isEqualTo(1);
    assertThat(sessions.face.engine().processes().restarts()).as("the worker was never closed").isZero();
    FrameAnalysis analysis = BusSessions.await(sessions.vertx.eventBus().<FrameAnalysis>request(
      Addresses.Face.ANALYZE_FRAME, new AnalyzeFrame(FaceFixtures.faceApiSample(3, 0).frame(170, 0, 0, false)),
      new DeliveryOptions().setSendTimeout(120_000))).body();
    assertThat(analysis.faces()).isEqualTo(1);
  }

  @Test
  @DisplayName("a TLS client trusting the certificate is answered; a plain TCP peer is closed unanswered")
  void onlyTls() {
    NetSocket socket = BusSessions.await(sessions.vertx.createNetClient(new NetClientOptions().setSsl(true).setHostnameVerificationAlgorithm("HTTPS")
      .setTrustOptions(new PemTrustOptions().addCertPath(certificate.certPem().toString())))
      .connect(port, "127.0.0.1"));
    Promise<Buffer> pong = Promise.promise();
    socket.handler(pong::tryComplete);
    Buffer ping = new JsonObject().put("type", "ping").toBuffer();
    socket.write(Buffer.buffer().appendInt(ping.length()).appendBuffer(ping));
    Buffer answer = BusSessions.await(pong.future());
    assertThat(new JsonObject(answer.getBuffer(4, answer.length()))).isEqualTo(new JsonObject().put("type", "pong"));
    socket.close();

    try (BridgePeer plain = BridgePeer.connect(port)) {
      plain.send(new JsonObject().put("type", "ping"));
      assertThat(plain.read()).isNull();
    }
  }
}
