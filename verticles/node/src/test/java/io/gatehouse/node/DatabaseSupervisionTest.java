package io.gatehouse.node;

import io.gatehouse.gateway.ActionClient;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import static io.gatehouse.node.TestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("the node supervises its embedded PostgreSQL")
class DatabaseSupervisionTest {

  private static final Duration READY = Duration.ofMinutes(2);

  private final Vertx vertx = Vertx.vertx();
  private final WebClient http = WebClient.create(vertx);
  private Path pgDir;

  @AfterEach
  void stop() {
    // a postmaster left behind by a killed node must not outlive the test
    if (pgDir != null) {
      DatabaseBootstrap.postmasterPid(pgDir).flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
    }
    await(vertx.close());
  }

  private static JsonObject nodeConf(Path dataDir, int httpPort) {
    return new JsonObject()
      .put("node", new JsonObject().put("dataDir", dataDir.toString()))
      .put("gateway", new JsonObject().put("host", "127.0.0.1").put("port", httpPort)
        .put("messagesPerSecond", 10_000).put("messageBurst", 10_000).put("retryAfterMs", 500))
      .put("stomp", new JsonObject().put("host", "127.0.0.1").put("webSocketPort", 0).put("tcpPort", 0))
      .put("face", new JsonObject().put("engineType", "local"))
      .put("database", new JsonObject().put("embeddedPort", TestNodes.freePort()).put("superviseIntervalMs", 2000))
      .put("auth", new JsonObject().put("argon2", new JsonObject().put("memoryKib", 1024).put("iterations", 1)));
  }

  @Test
  @DisplayName("its postmaster killed mid-stream: restarted by the node, /health back to 200, a reconnecting client told to retry later, nothing acked lost; after a SIGKILL of the node its orphan server is reused with a warning")
  void killedPostmasterComesBack(@TempDir Path work) {
    Path dataDir = work.resolve("data");
    pgDir = dataDir.resolve("pg");
    int port = TestNodes.freePort();
    String conf = nodeConf(dataDir, port).encode();
    String topic = "supervised-" + System.nanoTime();

    NodeProcess node = NodeProcess.start(work.resolve("n1"), "-conf", conf).awaitReady(READY);
    try {
      String memberName = "member" + System.nanoTime();
      String publisherToken = register(port, "publisher" + System.nanoTime());
      String memberToken = register(port, memberName);
      Set<String> acked = new LinkedHashSet<>();
      try (ActionClient publisher = ActionClient.login(vertx, port, publisherToken)) {
        assertThat(publisher.call(new JsonObject().put("action", "create").put("topic_name", topic)
          .put("is_private", false)).getBoolean("success")).isTrue();
        try (ActionClient member = ActionClient.login(vertx, port, memberToken)) {
          assertThat(member.call(new JsonObject().put("action", "subscribe").put("topic_name", topic))
            .getBoolean("success")).isTrue();
        }
        for (int i = 0; i < 20; i++) {
          publish(publisher, topic, "before-" + i, acked);
        }

        long postmaster = DatabaseBootstrap.postmasterPid(pgDir).orElseThrow();
        ProcessHandle.of(postmaster).orElseThrow().destroyForcibly();

        try (ActionClient meanwhile = ActionClient.connect(vertx, port, "/ws/" + memberToken)) {
          JsonObject hint = meanwhile.expect(json -> "unavailable".equals(json.getString("code")), Duration.ofSeconds(30));
          assertThat(hint.getLong("retry_after_ms")).isBetween(500L, 750L);
          assertThat(meanwhile.awaitClose(Duration.ofSeconds(10))).isEqualTo((short) 1013);
        }
        for (int i = 0; i < 20; i++) {
          publish(publisher, topic, "after-" + i, acked);
        }
        assertThat(acked).hasSize(40);
      }
      awaitHealthy(port);
      assertThat(node.log()).contains("is not running; starting it again").contains("embedded PostgreSQL restarted");

      try (ActionClient member = ActionClient.login(vertx, port, memberToken)) {
        Set<String> got = new HashSet<>();
        while (!got.containsAll(acked)) {
          JsonObject delivery = member.expect(ActionClient::isDelivery, Duration.ofSeconds(30));
          assertThat(got.add(delivery.getString("message_id"))).as("delivered twice").isTrue();
        }
      }

      node.kill();
      node = NodeProcess.start(work.resolve("n2"), "-conf", conf).awaitReady(READY);
      assertThat(node.log()).contains("is still running").contains("reusing it");
      var login = await(http.post(port, "127.0.0.1", "/login")
        .sendJsonObject(new JsonObject().put("username", memberName).put("password", TestNodes.PASSWORD)));
      assertThat(login.statusCode()).isEqualTo(200);
    } finally {
      node.close();
    }
  }

  /** Sends until the server acknowledges it, as a client does while the database is away. */
  private static void publish(ActionClient publisher, String topic, String content, Set<String> acked) {
    for (int attempt = 0; attempt < 120; attempt++) {
      JsonObject reply = publisher.call(new JsonObject().put("action", "message").put("topic_name", topic)
        .put("content", content));
      if (Boolean.TRUE.equals(reply.getBoolean("success"))) {
        acked.add(reply.getString("message_id"));
        return;
      }
      sleep(500);
    }
    throw new AssertionError("publish of " + content + " never acknowledged");
  }

  private void awaitHealthy(int port) {
    for (int attempt = 0; attempt < 120; attempt++) {
      if (await(http.get(port, "127.0.0.1", "/health").send()).statusCode() == 200) {
        return;
      }
      sleep(500);
    }
    throw new AssertionError("/health never came back to 200");
  }

  private String register(int port, String username) {
    return TestNodes.register(http, "127.0.0.1", port, username);
  }


  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
