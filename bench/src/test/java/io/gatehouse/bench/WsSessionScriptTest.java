package io.gatehouse.bench;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Drives clients/ws-session.mjs (the real {@code ws} package under node) against the raw ceiling server. */
@ExtendWith(VertxExtension.class)
class WsSessionScriptTest {

  private static Path clients;
  private int port;

  @BeforeAll
  static void installClients() throws Exception {
    assertThat(NodeProject.nodeInstalled()).as("node on the PATH (scripts/test requires it)").isTrue();
    clients = NodeProject.clientsWith("ws");
  }

  @BeforeEach
  void startRawServer(Vertx vertx) throws Exception {
    port = RawCeilingServer.start(vertx, 0, 1).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("a scripted create, subscribe and publish ends with the delivery printed and exit status 0")
  void scriptWhoseExpectationsAreMetSucceeds(@TempDir Path dir) throws Exception {
    Path script = write(dir, new JsonArray()
      .add(send(new JsonObject().put("action", "create").put("topic_name", "news").put("is_private", false)))
      .add(expect(new JsonObject().put("action", "create").put("success", true)))
      .add(send(new JsonObject().put("action", "subscribe").put("topic_name", "news")))
      .add(expect(new JsonObject().put("action", "subscribe").put("success", true).put("topic_name", "news")))
      .add(send(new JsonObject().put("action", "message").put("topic_name", "news").put("content", "hello")))
      .add(expect(new JsonObject().put("action", "message").put("topic_name", "news").put("content", "hello")))
      .add(new JsonObject().put("close", 1000)));

    NodeProject.Run session = NodeProject.run(List.of("node", "ws-session.mjs", url(), script.toString()), clients, 30);

    assertThat(session.status()).as(session.stderr()).isZero();
    List<JsonObject> frames = session.stdout().lines().map(JsonObject::new).toList();
    assertThat(frames).anySatisfy(frame -> {
      assertThat(frame.getString("action")).isEqualTo("message");
      assertThat(frame.getString("content")).isEqualTo("hello");
      assertThat(frame.containsKey("message_id")).isTrue();
    });
  }

  @Test
  @DisplayName("an expectation no frame meets ends with exit status 1 and the unmet expectation on stderr")
  void unmetExpectationFails(@TempDir Path dir) throws Exception {
    Path script = write(dir, new JsonArray()
      .add(send(new JsonObject().put("action", "ping")))
      .add(expect(new JsonObject().put("action", "ping").put("success", true)))
      .add(expect(new JsonObject().put("action", "never-sent")).put("timeoutMs", 300)));

    NodeProject.Run session = NodeProject.run(List.of("node", "ws-session.mjs", url(), script.toString()), clients, 30);

    assertThat(session.status()).isEqualTo(1);
    assertThat(session.stderr()).contains("step 3").contains("never-sent");
    assertThat(session.stdout()).contains("\"ping\"");
  }

  private String url() {
    return "ws://127.0.0.1:" + port + "/ws/node-client";
  }

  private static JsonObject send(JsonObject frame) {
    return new JsonObject().put("send", frame);
  }

  private static JsonObject expect(JsonObject partial) {
    return new JsonObject().put("expect", partial).put("timeoutMs", 5000);
  }

  private static Path write(Path dir, JsonArray steps) throws IOException {
    return Files.writeString(dir.resolve("script.json"), steps.encodePrettily());
  }
}
