package io.gatehouse.stomp;

import io.gatehouse.contract.edge.SelfSignedCertificate;
import io.gatehouse.gateway.GatewayFixture;
import io.gatehouse.gateway.NodeClients;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("TLS from PEM files on every listener: https and wss on 8088, STOMP over wss and over TLS, HSTS")
class TlsListenersTest {

  private static SelfSignedCertificate certificate;
  private static SignupFixture fixture;
  private static GatewayFixture gatehouse;
  private static Map<String, String> trustForNode;

  @BeforeAll
  static void start() {
    NodeClients.installed();
    certificate = SelfSignedCertificate.create();
    fixture = new SignupFixture(new JsonObject().put("edge", new JsonObject().put("tls", new JsonObject()
      .put("enabled", true).put("certPath", certificate.certPem().toString())
      .put("keyPath", certificate.keyPem().toString()).put("hstsMaxAgeSeconds", 86_400))));
    gatehouse = fixture.gatehouse;
    // node trusts an extra CA the standard way: the ws and stompjs scripts run unchanged
    trustForNode = Map.of("NODE_EXTRA_CA_CERTS", certificate.certPem().toString());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("HTTPS answers with Strict-Transport-Security; a plain HTTP request on the TLS port gets no answer")
  void httpsWithHsts() throws Exception {
    WebClient client = WebClient.create(gatehouse.vertx, new WebClientOptions().setSsl(true)
      .setTrustOptions(new PemTrustOptions().addCertPath(certificate.certPem().toString())));
    try {
      HttpResponse<Buffer> health = GatewayFixture.await(client.get(gatehouse.port, "127.0.0.1", "/health").send());
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.getHeader("Strict-Transport-Security")).isEqualTo("max-age=86400");
    } finally {
      client.close();
    }
    WebClient plain = WebClient.create(gatehouse.vertx);
    try {
      assertThat(plain.get(gatehouse.port, "127.0.0.1", "/health").send().toCompletionStage().toCompletableFuture()
        .handle((reply, failure) -> failure != null).get()).isTrue();
    } finally {
      plain.close();
    }
  }

  @Test
  @DisplayName("npm ws over wss:// creates a topic; @stomp/stompjs over wss:// and stomp.py over TLS exchange on it")
  void realClientsOverTls() throws Exception {
    JsonObject alice = gatehouse.user("tls-alice");
    String topic = "tls-topic-" + System.nanoTime();
    Path script = Files.createTempFile("ws-tls", ".json");
    Files.writeString(script, new JsonArray()
      .add(new JsonObject().put("send", new JsonObject().put("action", "auth").put("token", alice.getString("access_token"))))
      .add(new JsonObject().put("expect", new JsonObject().put("action", "auth").put("success", true)))
      .add(new JsonObject().put("send", new JsonObject().put("action", "create").put("topic_name", topic)
        .put("is_private", false)))
      .add(new JsonObject().put("expect", new JsonObject().put("action", "create").put("success", true)))
      .add(new JsonObject().put("close", 1000)).encode());
    NodeClients.Run ws = NodeClients.run(NodeClients.clientsDir(), 60, trustForNode, "node", "ws-session.mjs",
      "wss://127.0.0.1:" + gatehouse.port + "/ws", script.toString());
    assertThat(ws.status()).as(ws.stdout() + ws.stderr()).isZero();

    NodeClients.Run stompjs = NodeClients.run(NodeClients.clientsDir(), 60, trustForNode, "node", "stomp-topic.mjs",
      "wss://127.0.0.1:" + fixture.stomp.webSocketPort() + "/stomp", alice.getString("access_token"), topic,
      "over wss", "1", "auto");
    assertThat(stompjs.status()).as(stompjs.stdout() + stompjs.stderr()).isZero();
    List<JsonObject> lines = stompjs.stdout().lines().map(JsonObject::new).toList();
    assertThat(lines).filteredOn(line -> line.containsKey("body")).extracting(line -> line.getString("body"))
      .containsExactly("over wss");

    NodeClients.Run python = NodeClients.run(NodeClients.clientsDir(), 60, "/usr/bin/python3", "stomp_tls_topic.py",
      "127.0.0.1", String.valueOf(fixture.stomp.tcpPort()), certificate.certPem().toString(),
      alice.getString("access_token"), topic, "over tls");
    assertThat(python.status()).as(python.stdout() + python.stderr()).isZero();
    assertThat(python.stdout().lines().map(JsonObject::new).filter(line -> line.containsKey("body"))
      .map(line -> line.getString("body"))).containsExactly("over tls");
  }
}
