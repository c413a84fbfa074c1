package io.gatehouse.bench.chat;

import io.gatehouse.bench.NodeProject;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocketClient;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The Java chat load against the real npm socket.io 4.x server: bench/socketio/peer-chat-server.mjs under node. */
@ExtendWith(VertxExtension.class)
class ChatLoadPeerTest {

  private static Process peer;
  private static int port;

  @BeforeAll
  static void startPeer() throws Exception {
    assertThat(NodeProject.nodeInstalled()).as("node on the PATH (scripts/test requires it)").isTrue();
    Path root = NodeProject.clientsWith("socket.io").getParent();
    peer = new ProcessBuilder("node", "bench/socketio/peer-chat-server.mjs", "0").directory(root.toFile())
      .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    BufferedReader out = new BufferedReader(new InputStreamReader(peer.getInputStream(), StandardCharsets.UTF_8));
    String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(15, TimeUnit.SECONDS);
    assertThat(line).as("the peer prints its port").isNotNull().contains("\"port\"");
    port = Integer.parseInt(line.replaceAll("\\D", ""));
  }

  @AfterAll
  static void stopPeer() throws InterruptedException {
    if (peer != null) {
      peer.destroy();
      if (!peer.waitFor(5, TimeUnit.SECONDS)) {
        peer.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
  }

  @Test
  @DisplayName("five pairs in a closed loop against the npm socket.io peer receive messages without errors")
  void closedLoopAgainstTheNpmPeer(Vertx vertx) throws Exception {
    ChatOptions options = ChatOptions.parse("--target", "peer", "--url", "http://127.0.0.1:" + port,
      "--pairs", "5", "--warmup", "1", "--seconds", "2", "--connect-batch", "4", "--event-loops", "2");

    ChatResult result = ChatLoad.run(vertx, options).toCompletionStage().toCompletableFuture()
      .get(30, TimeUnit.SECONDS);

    assertThat(result.received()).isPositive();
    assertThat(result.errors()).isZero();
    assertThat(result.p50Ms()).isNotNull().isPositive();
    assertThat(result.p50Ms()).isLessThanOrEqualTo(result.p99Ms()).isLessThanOrEqualTo(result.maxMs());
    assertThat(result.toJson().fieldNames()).containsExactly("target", "url", "pairs", "window", "seconds",
      "messagesPerSecond", "received", "errors", "p50Ms", "p99Ms", "maxMs", "client");
    assertThat(result.toJson().getString("client")).isEqualTo("java");
  }

  @Test
  @DisplayName("a socket the server refuses (no token) fails the run with the connect error")
  void refusedConnectFailsLoudly(Vertx vertx) throws Exception {
    ChatOptions options = ChatOptions.parse("--target", "peer", "--url", "http://127.0.0.1:" + port,
      "--pairs", "1", "--warmup", "0", "--seconds", "1");
    WebSocketClient client = vertx.createWebSocketClient();
    Throwable failure = ChatSocket.open(vertx, client, options, 0, "", new ChatTally())
      .toCompletionStage().toCompletableFuture().handle((socket, error) -> error).get(15, TimeUnit.SECONDS);
    client.close();

    assertThat(failure).isNotNull().hasMessageContaining("connect error").hasMessageContaining("Unauthorized");
  }

  private static String readLine(BufferedReader reader) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      return null;
    }
  }
}
