package io.gatehouse.node;

import io.gatehouse.gateway.ActionClient;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static io.gatehouse.node.TestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("SIGTERM: every protocol's client hears its goodbye, and no acknowledged message is lost")
class GracefulShutdownTest {

  private static final Duration READY = Duration.ofMinutes(2);
  private static Vertx vertx;
  private static WebClient http;

  @BeforeAll
  static void client() {
    vertx = Vertx.vertx();
    http = WebClient.create(vertx);
  }

  @AfterAll
  static void close() {
    await(vertx.close());
  }

  @Test
  @DisplayName("action 1001, Engine.IO close packet (WebSocket and polling), STOMP ERROR then close, face 1001; messages kept")
  void goodbyesThenRestart(@TempDir Path work) throws Exception {
    int port = TestNodes.freePort();
    int stompPort = TestNodes.freePort();
    JsonObject conf = new JsonObject()
      .put("node", new JsonObject().put("dataDir", work.resolve("data").toString()))
      .put("gateway", new JsonObject().put("host", "127.0.0.1").put("port", port))
      .put("stomp", new JsonObject().put("host", "127.0.0.1").put("webSocketPort", 0).put("tcpPort", stompPort))
      .put("database", new JsonObject().put("embeddedPort", TestNodes.freePort()))
      .put("operations", new JsonObject().put("shutdownDeadlineMs", 15_000))
      .put("face", new JsonObject().put("engineType", "local")) // the face socket's goodbye needs no engine workers
      .put("auth", new JsonObject().put("argon2", new JsonObject().put("memoryKib", 1024).put("iterations", 1)));
    NodeProcess node = NodeProcess.start(work, Map.of("GATEHOUSE_HOME", work.toString()), "-conf", conf.encode())
      .awaitReady(READY);
    NodeProcess cli = NodeProcess.start(work, "create-client", "shutdown-tenant", "-conf", conf.encode());
    assertThat(cli.awaitExit(READY)).as(cli.log()).isZero();
    String apiKey = new JsonObject(cli.stdout()).getString("api_key");

    JsonObject alice = register(port, "alice");
    JsonObject bob = register(port, "bob");
    String topic = "shutdown-" + System.nanoTime();
    List<String> committed = new ArrayList<>();
    ActionClient action = ActionClient.login(vertx, port, alice.getString("access_token"));
    action.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false));
    try (ActionClient member = ActionClient.login(vertx, port, bob.getString("access_token"))) {
      member.call(new JsonObject().put("action", "subscribe").put("topic_name", topic));
    }
    for (int i = 0; i < 20; i++) {
      action.send(new JsonObject().put("action", "message").put("topic_name", topic).put("content", "m" + i)
        .put("id", i));
    }
    for (int i = 0; i < 20; i++) {
      JsonObject reply = action.expect(json -> "message".equals(json.getString("action")) && json.containsKey("success"));
      if (Boolean.TRUE.equals(reply.getBoolean("success"))) {
        committed.add(reply.getString("message_id"));
      }
    }

    TextSocket engineWs = TextSocket.open(vertx, port, "/socket.io/?EIO=4&transport=websocket");
    assertThat(engineWs.next()).startsWith("0{");
    HttpResponse<Buffer> handshake = await(http.get(port, "127.0.0.1", "/socket.io/?EIO=4&transport=polling").send());
    String sid = new JsonObject(handshake.bodyAsString().substring(1)).getString("sid");
    CompletableFuture<HttpResponse<Buffer>> poll = http.get(port, "127.0.0.1", "/socket.io/?EIO=4&transport=polling&sid=" + sid)
      .send().toCompletionStage().toCompletableFuture();

    Socket stomp = new Socket("127.0.0.1", stompPort);
    stomp.setSoTimeout(30_000);
    send(stomp, "CONNECT\naccept-version:1.2\npasscode:" + alice.getString("access_token") + "\n\n\0");
    assertThat(readUntil(stomp, "\0")).startsWith("CONNECTED");

    String clientJwt = await(http.post(port, "127.0.0.1", "/api/auth/client/")
      .sendJsonObject(new JsonObject().put("api_key", apiKey))).bodyAsJsonObject().getString("jwt_token");
    JsonObject session = await(http.post(port, "127.0.0.1", "/api/auth/enrollment/").bearerTokenAuthentication(clientJwt)
      .sendJsonObject(new JsonObject().put("user_id", "face-user").put("metadata", new JsonObject().put("target_samples", 3))))
      .bodyAsJsonObject();
    ActionClient face = ActionClient.connect(vertx, port, URI.create(session.getString("websocket_url")).getPath());
    face.expect(json -> "connection_established".equals(json.getString("type")));

    for (int i = 20; i < 60; i++) { // in flight when the SIGTERM comes: the ones acknowledged must survive
      action.send(new JsonObject().put("action", "message").put("topic_name", topic).put("content", "m" + i)
        .put("id", i));
    }
    assertThat(node.terminate(Duration.ofSeconds(60))).as(node.log()).isIn(0, 143);

    assertThat(action.awaitClose(Duration.ofSeconds(30))).isEqualTo((short) 1001);
    action.drain(Duration.ofMillis(200)).stream()
      .filter(json -> "message".equals(json.getString("action")) && Boolean.TRUE.equals(json.getBoolean("success")))
      .forEach(reply -> committed.add(reply.getString("message_id")));
    assertThat(face.awaitClose(Duration.ofSeconds(30))).isEqualTo((short) 1001);
    assertThat(engineWs.nextUntilClosed()).contains("1");
    assertThat(poll.get(30, TimeUnit.SECONDS).bodyAsString()).isEqualTo("1");
    String stompGoodbye = readUntilClosed(stomp);
    assertThat(stompGoodbye).startsWith("ERROR").contains("message:server shutting down");
    assertThat(node.log()).contains("graceful shutdown: goodbyes said and batches drained")
      .contains("embedded PostgreSQL stopped");
    assertThat(committed).as("publishes acknowledged before the SIGTERM").hasSizeGreaterThanOrEqualTo(20);

    try (NodeProcess again = NodeProcess.start(work, "-conf", conf.encode()).awaitReady(READY);
         ActionClient member = ActionClient.login(vertx, port, bob.getString("access_token"))) {
      Set<String> delivered = new HashSet<>();
      member.deliveries(committed.size(), Duration.ofSeconds(30))
        .forEach(delivery -> delivered.add(delivery.getString("message_id")));
      member.drain(Duration.ofSeconds(2)).stream().filter(ActionClient::isDelivery)
        .forEach(delivery -> delivered.add(delivery.getString("message_id")));
      assertThat(delivered).as("every acknowledged message is in the log after the restart").containsAll(committed);
      again.terminate(Duration.ofSeconds(60));
    }
  }

  private static JsonObject register(int port, String name) {
    String username = name + "-" + System.nanoTime();
    return await(http.post(port, "127.0.0.1", "/register").sendJsonObject(new JsonObject().put("username", username)
      .put("password", "password of " + name).put("email", username + "@example.org"))).bodyAsJsonObject();
  }

  private static void send(Socket socket, String frame) throws Exception {
    OutputStream out = socket.getOutputStream();
    out.write(frame.getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private static String readUntil(Socket socket, String end) throws Exception {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    while (!got.toString(StandardCharsets.UTF_8).contains(end)) {
      int next = in.read();
      if (next < 0) {
        break;
      }
      got.write(next);
    }
    return got.toString(StandardCharsets.UTF_8).replaceAll("^\n+", "");
  }

  private static String readUntilClosed(Socket socket) throws Exception {
    InputStream in = socket.getInputStream();
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    int next;
    while ((next = in.read()) >= 0) {
      got.write(next);
    }
    socket.close();
    return got.toString(StandardCharsets.UTF_8).replaceAll("^\n+", "");
  }

  /** A WebSocket whose text frames are queued as they are, for protocols whose frames are not JSON. */
  private record TextSocket(BlockingQueue<String> frames, CompletableFuture<Void> closed) {

    static TextSocket open(Vertx vertx, int port, String uri) {
      TextSocket socket = new TextSocket(new LinkedBlockingQueue<>(), new CompletableFuture<>());
      ClientWebSocket ws = vertx.createWebSocketClient().webSocket();
      ws.textMessageHandler(socket.frames::add);
      ws.closeHandler(v -> socket.closed.complete(null));
      await(ws.connect(new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri)));
      return socket;
    }

    String next() throws InterruptedException {
      String frame = frames.poll(30, TimeUnit.SECONDS);
      assertThat(frame).as("a frame within 30 s").isNotNull();
      return frame;
    }

    /** Every frame received until the server closed the socket. */
    List<String> nextUntilClosed() throws Exception {
      closed.get(30, TimeUnit.SECONDS);
      List<String> rest = new ArrayList<>();
      frames.drainTo(rest);
      return rest;
    }
  }

}
