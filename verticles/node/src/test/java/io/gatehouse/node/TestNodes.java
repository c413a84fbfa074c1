package io.gatehouse.node;

import io.gatehouse.contract.Codecs;
import io.gatehouse.persistence.DatabaseOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** In-process clustered nodes on loopback, each deploying the NodeVerticle with some roles. */
final class TestNodes {

  /** The password of every user {@link #register} creates. */
  static final String PASSWORD = "node test password";

  private TestNodes() {
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A cluster name no other test run on this machine shares, so parallel suites never merge. */
  static String clusterName() {
    return "gatehouse-test-" + UUID.randomUUID();
  }

  static JsonObject config(String clusterName, List<String> roles, DatabaseOptions database, Path dataDir, int httpPort) {
    JsonObject config = NodeConfig.defaults();
    config.getJsonObject("node").put("roles", new JsonArray(roles)).put("dataDir", dataDir.toString());
    config.getJsonObject("cluster").put("enabled", true).put("name", clusterName).put("port", 5701);
    config.put("database", config.getJsonObject("database").mergeIn(database.toJson()));
    config.getJsonObject("gateway").put("host", "127.0.0.1").put("port", httpPort);
    config.getJsonObject("stomp").put("host", "127.0.0.1").put("webSocketPort", 0).put("tcpPort", 0);
    config.getJsonObject("face").put("engineType", "local");
    // pipelining publishers in these tests may outrun the per-user message quota on a quiet machine
    config.getJsonObject("routing").put("userMessagesPerSecond", 1_000_000);
    config.getJsonObject("auth").put("argon2", new JsonObject().put("memoryKib", 1024).put("iterations", 1).put("parallelism", 1));
    return config;
  }

  /** Registers {@code username} on the gateway at {@code host:port}; returns its access token. */
  static String register(WebClient http, String host, int port, String username) {
    var reply = await(http.post(port, host, "/register").sendJsonObject(new JsonObject()
      .put("username", username).put("password", PASSWORD).put("email", username + "@example.org")));
    if (reply.statusCode() != 201) {
      throw new AssertionError("register " + username + ": " + reply.statusCode() + " " + reply.bodyAsString());
    }
    return reply.bodyAsJsonObject().getString("access_token");
  }

  static Vertx clusteredVertx(JsonObject config) {
    VertxOptions options = new VertxOptions();
    options.getEventBusOptions().setHost("127.0.0.1");
    Vertx vertx = await(Vertx.builder().with(options).withClusterManager(ClusterSetup.clusterManager(config)).buildClustered());
    Codecs.register(vertx);
    return vertx;
  }

  static Vertx startNode(JsonObject config) {
    Vertx vertx = clusteredVertx(config);
    await(vertx.deployVerticle(new NodeVerticle(), new DeploymentOptions().setConfig(config)));
    return vertx;
  }

  /** The project root (the folder holding verticles/face-engine-node), found from the working directory up. */
  static Path projectRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !java.nio.file.Files.isDirectory(dir.resolve("verticles/face-engine-node"))) {
      dir = dir.getParent();
    }
    if (dir == null) {
      throw new IllegalStateException("project root not found above " + Path.of("").toAbsolutePath());
    }
    return dir;
  }
}
