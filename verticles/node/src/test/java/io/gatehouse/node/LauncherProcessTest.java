package io.gatehouse.node;

import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.gatehouse.node.TestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("the node launcher as a real process: embedded PostgreSQL, restarts, clear failures, the CLI")
class LauncherProcessTest {

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

  private static JsonObject nodeConf(Path dataDir, int httpPort, int pgPort) {
    return new JsonObject()
      .put("node", new JsonObject().put("dataDir", dataDir.toString()))
      .put("gateway", new JsonObject().put("host", "127.0.0.1").put("port", httpPort))
      .put("stomp", new JsonObject().put("host", "127.0.0.1").put("webSocketPort", 0).put("tcpPort", 0))
      .put("database", new JsonObject().put("embeddedPort", pgPort))
      .put("auth", new JsonObject().put("argon2", new JsonObject().put("memoryKib", 1024).put("iterations", 1)))
      .put("face", new JsonObject().put("engineType", "local"));
  }

  @Test
  @DisplayName("a node with face-processing starts its face engine workers, which join its bridge, and stops them on shutdown")
  void faceEngineWorkersFollowTheNode(@TempDir Path work) {
    JsonObject conf = nodeConf(work.resolve("data"), TestNodes.freePort(), TestNodes.freePort());
    conf.put("face", new JsonObject().put("engineType", "polyglot").put("engineWorkers", 1).put("bridgePort", 0)
      .put("engineDir", TestNodes.projectRoot().resolve("verticles/face-engine-node").toString()));

    List<Long> workers;
    try (NodeProcess node = NodeProcess.start(work, "-conf", conf.encode()).awaitReady(READY)) {
      assertThat(node.log()).contains("face engine worker joined");
      Matcher started = Pattern.compile("face engine worker 0 started \\(pid (\\d+)\\)").matcher(node.log());
      assertThat(started.find()).isTrue();
      workers = List.of(Long.parseLong(started.group(1)));
      assertThat(ProcessHandle.of(workers.get(0)).map(ProcessHandle::isAlive)).contains(true);
      node.terminate(Duration.ofSeconds(60));
    }
    assertThat(ProcessHandle.of(workers.get(0)).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  @DisplayName("a user registered before a SIGTERM can log in after the node restarts on the same data directory")
  void usersSurviveRestart(@TempDir Path work) {
    Path dataDir = work.resolve("data");
    int httpPort = TestNodes.freePort();
    String conf = nodeConf(dataDir, httpPort, TestNodes.freePort()).encode();
    JsonObject body = new JsonObject().put("username", "diego").put("password", "kept on disk").put("email", "d@example.org");

    try (NodeProcess first = NodeProcess.start(work, "-conf", conf).awaitReady(READY)) {
      assertThat(await(http.post(httpPort, "127.0.0.1", "/register").sendJsonObject(body)).statusCode()).isEqualTo(201);
      if (System.getProperty("os.name").startsWith("Linux") && System.getProperty("os.arch").equals("amd64")) {
        assertThat(first.log()).as("node.nativeTransport defaults to epoll")
          .contains("network transport: native epoll");
      }
      first.terminate(Duration.ofSeconds(60));
      assertThat(first.log()).contains("embedded PostgreSQL stopped");
    }
    assertThat(dataDir.resolve("pg/postmaster.pid")).doesNotExist();
    assertThat(dataDir.resolve("keys")).isDirectory();

    try (NodeProcess second = NodeProcess.start(work, "-conf", conf).awaitReady(READY)) {
      var login = await(http.post(httpPort, "127.0.0.1", "/login")
        .sendJsonObject(new JsonObject().put("username", "diego").put("password", "kept on disk")));
      assertThat(login.statusCode()).isEqualTo(200);
      second.terminate(Duration.ofSeconds(60));
    }
  }

  @Test
  @DisplayName("a port already in use stops the node with one clear line and leaves no database running")
  void portInUseIsReportedClearly(@TempDir Path work) throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getByName("127.0.0.1"))) {
      Path dataDir = work.resolve("data");
      NodeProcess node = NodeProcess.start(work, "-conf", nodeConf(dataDir, taken.getLocalPort(), TestNodes.freePort()).encode());
      assertThat(node.awaitExit(READY)).isNotZero();
      assertThat(node.log()).contains("port " + taken.getLocalPort()).contains("already in use");
      assertThat(node.log()).doesNotContain("\tat ");
      assertThat(dataDir.resolve("pg/postmaster.pid")).doesNotExist();
    }
  }

  @Test
  @DisplayName("an unreachable database and a broken config file each stop the node with one clear line")
  void unreachableDatabaseAndBadConfig(@TempDir Path work) throws Exception {
    JsonObject conf = nodeConf(work.resolve("data"), TestNodes.freePort(), 0)
      .put("database", new JsonObject().put("host", "127.0.0.1").put("port", 1));
    NodeProcess unreachable = NodeProcess.start(work, "-conf", conf.encode());
    assertThat(unreachable.awaitExit(READY)).isNotZero();
    assertThat(unreachable.log()).contains("cannot migrate schema auth").doesNotContain("\tat ");

    Path broken = work.resolve("broken.json");
    Files.writeString(broken, "{ \"gateway\": ");
    NodeProcess bad = NodeProcess.start(work, "-conf", broken.toString());
    assertThat(bad.awaitExit(Duration.ofSeconds(60))).isNotZero();
    assertThat(bad.log()).contains("bad configuration").contains("broken.json").doesNotContain("\tat ");

    NodeProcess typo = NodeProcess.start(work, Map.of("GATEHOUSE_GATEWAY_PROT", "9000", "GATEHOUSE_HOME", "/opt/gh"),
      "-conf", conf.encode());
    assertThat(typo.awaitExit(Duration.ofSeconds(60))).isNotZero();
    assertThat(typo.log()).contains("unknown setting gateway.prot; did you mean gateway.port?")
      .contains("GATEHOUSE_HOME names no configuration section; ignored").doesNotContain("\tat ");
  }

  @Test
  @DisplayName("a verticle launched alone by class name joins a running cluster and serves it")
  void singleVerticleJoinsCluster(@TempDir Path work) {
    String cluster = TestNodes.clusterName();
    DatabaseOptions database = TestDatabase.fresh("cli");
    int httpPort = TestNodes.freePort();
    Vertx gatewayNode = TestNodes.startNode(TestNodes.config(cluster, List.of("gateway"), database, work, httpPort));
    try {
      JsonObject conf = TestNodes.config(cluster, List.of("user-auth"), database, work, 0);
      try (NodeProcess auth = NodeProcess.start(work, "io.gatehouse.auth.UserAuthVerticle", "--cluster", "-conf", conf.encode())
        .awaitReady(READY)) {
        var registered = await(WebClient.create(gatewayNode).post(httpPort, "127.0.0.1", "/register")
          .sendJsonObject(new JsonObject().put("username", "satoshi").put("password", "over the cluster")
            .put("email", "s@example.org")));
        assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);
      }
    } finally {
      await(gatewayNode.close());
    }
  }

  @Test
  @DisplayName("create-client prints a new API client's keys as JSON")
  void createClientPrintsKeys(@TempDir Path work) {
    JsonObject conf = nodeConf(work.resolve("data"), 0, TestNodes.freePort());
    NodeProcess cli = NodeProcess.start(work, "create-client", "acme", "-conf", conf.encode());
    assertThat(cli.awaitExit(READY)).as(cli.log()).isZero();
    assertThat(cli.stdout()).as(cli.log()).startsWith("{");
    JsonObject keys = new JsonObject(cli.stdout());
    assertThat(keys.getString("name")).isEqualTo("acme");
    assertThat(keys.getString("api_key")).isNotBlank();
    assertThat(keys.getString("secret_key")).isNotBlank();
    assertThat(work.resolve("data/pg/postmaster.pid")).doesNotExist();
    assertThat(new JsonArray().add(keys.getString("api_key"))).hasSize(1);
  }
}
