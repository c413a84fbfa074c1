package io.gatehouse.node;

import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.gatehouse.node.TestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("per-address limits hold across the gateways of a two-node cluster")
class AddressLimitsClusterTest {

  private static final int FAILED_LOGINS_PER_ADDRESS = 4;

  private final List<Vertx> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    nodes.forEach(vertx -> await(vertx.close()));
  }

  @Test
  @DisplayName("failed logins from one address, spread over both nodes' gateways, are counted together")
  void failedLoginsCountedClusterWide(@TempDir Path dataDir) {
    String cluster = TestNodes.clusterName();
    DatabaseOptions database = TestDatabase.fresh("addresslimits");
    int[] ports = {TestNodes.freePort(), TestNodes.freePort()};
    nodes.add(TestNodes.startNode(limited(TestNodes.config(cluster, List.of("user-auth", "gateway"), database,
      dataDir.resolve("a"), ports[0]))));
    nodes.add(TestNodes.startNode(limited(TestNodes.config(cluster, List.of("gateway"), database,
      dataDir.resolve("b"), ports[1]))));
    WebClient http = WebClient.create(nodes.get(0));

    for (int attempt = 0; attempt < FAILED_LOGINS_PER_ADDRESS; attempt++) {
      HttpResponse<Buffer> failed = wrongLogin(http, ports[attempt % 2]);
      assertThat(failed.statusCode()).as(failed.bodyAsString()).isEqualTo(401);
    }

    // each gateway saw half of them: only a count shared by the cluster refuses the next one
    for (int port : ports) {
      HttpResponse<Buffer> refused = wrongLogin(http, port);
      assertThat(refused.statusCode()).as(refused.bodyAsString()).isEqualTo(429);
      assertThat(refused.bodyAsJsonObject().getString("code")).isEqualTo("login_throttled");
      assertThat(refused.bodyAsJsonObject().getString("error")).contains("from this address");
    }
  }

  private static JsonObject limited(JsonObject config) {
    config.getJsonObject("gateway").put("failedLoginsPerAddress", FAILED_LOGINS_PER_ADDRESS)
      // windows are fixed: one far longer than the test, so that it never runs across a window's end
      .put("loginWindowSeconds", 10_000_000);
    return config;
  }

  /** A login of a user that does not exist (a new name each time, so no per-account limit is reached). */
  private static HttpResponse<Buffer> wrongLogin(WebClient http, int port) {
    return await(http.post(port, "127.0.0.1", "/login").sendJsonObject(new JsonObject()
      .put("username", "nobody-" + UUID.randomUUID().toString().substring(0, 8)).put("password", "wrong password")));
  }
}
