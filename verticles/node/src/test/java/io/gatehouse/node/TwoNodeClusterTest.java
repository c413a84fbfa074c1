package io.gatehouse.node;

import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static io.gatehouse.node.TestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("a two-node Hazelcast cluster on loopback: the gateway on one node, user-auth on the other")
class TwoNodeClusterTest {

  private final List<Vertx> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    nodes.forEach(vertx -> await(vertx.close()));
  }

  @Test
  @DisplayName("a user registers and logs in through a gateway that reaches user-auth only over the clustered bus")
  void registerAndLoginAcrossNodes(@TempDir Path dataDir) {
    String cluster = TestNodes.clusterName();
    DatabaseOptions database = TestDatabase.fresh("cluster");
    int httpPort = TestNodes.freePort();
    nodes.add(TestNodes.startNode(TestNodes.config(cluster, List.of("user-auth"), database, dataDir, 0)));
    Vertx gatewayNode = TestNodes.startNode(TestNodes.config(cluster, List.of("gateway"), database, dataDir, httpPort));
    nodes.add(gatewayNode);

    WebClient client = WebClient.create(gatewayNode);
    JsonObject body = new JsonObject().put("username", "omar").put("password", "across the bus").put("email", "omar@example.org");
    var registered = await(client.post(httpPort, "127.0.0.1", "/register").sendJsonObject(body));
    assertThat(registered.statusCode()).as(registered.bodyAsString()).isEqualTo(201);
    var login = await(client.post(httpPort, "127.0.0.1", "/login")
      .sendJsonObject(new JsonObject().put("username", "omar").put("password", "across the bus")));
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.bodyAsJsonObject().getString("user_id")).isEqualTo(registered.bodyAsJsonObject().getString("user_id"));
    var show = await(client.get(httpPort, "127.0.0.1", "/users/show?username=omar")
      .bearerTokenAuthentication(login.bodyAsJsonObject().getString("access_token")).send());
    assertThat(show.statusCode()).isEqualTo(200);
  }
}
