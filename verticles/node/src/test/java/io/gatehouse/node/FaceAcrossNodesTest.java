package io.gatehouse.node;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.auth.ApiClientKeys;
import io.gatehouse.contract.auth.CreateApiClient;
import io.gatehouse.face.engine.FaceFixtures;
import io.gatehouse.gateway.ActionClient;
import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.gatehouse.node.TestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("face sessions across a two-node cluster: the gateway on one node, face-processing on the other")
class FaceAcrossNodesTest {

  private final List<Vertx> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    nodes.forEach(vertx -> await(vertx.close()));
  }

  @Test
  @DisplayName("an enrollment completes with frames that reach face-processing only over the clustered bus")
  void enrollmentAcrossNodes(@TempDir Path dataDir) throws Exception {
    String cluster = TestNodes.clusterName();
    DatabaseOptions database = TestDatabase.fresh("facecluster");
    int httpPort = TestNodes.freePort();
    nodes.add(TestNodes.startNode(TestNodes.config(cluster, List.of("user-auth", "face-processing"), database,
      dataDir, 0)));
    Vertx gatewayNode = TestNodes.startNode(TestNodes.config(cluster, List.of("gateway"), database, dataDir, httpPort));
    nodes.add(gatewayNode);

    ApiClientKeys keys = await(gatewayNode.eventBus().<ApiClientKeys>request(Addresses.Auth.CREATE_CLIENT,
      new CreateApiClient("cluster-tenant")).map(Message::body));
    WebClient http = WebClient.create(gatewayNode);
    String jwt = await(http.post(httpPort, "127.0.0.1", "/api/auth/client/")
      .sendJsonObject(new JsonObject().put("api_key", keys.apiKey()))).bodyAsJsonObject().getString("jwt_token");
    JsonObject session = await(http.post(httpPort, "127.0.0.1", "/api/auth/enrollment/").putHeader("Authorization", "JWT " + jwt)
      .sendJsonObject(new JsonObject().put("user_id", "carol"))).bodyAsJsonObject();

    String path = URI.create(session.getString("websocket_url")).getPath();
    try (ActionClient socket = ActionClient.connect(gatewayNode, httpPort, path)) {
      socket.expect(json -> "connection_established".equals(json.getString("type")));
      JsonObject last = null;
      for (byte[] frame : FaceFixtures.faceApiSample(3, 0).livelySequence()) {
        Thread.sleep(120);
        socket.send(new JsonObject().put("type", "frame").put("image", Base64.getEncoder().encodeToString(frame)));
        last = socket.expect(json -> json.getString("type").endsWith("_complete")
          || "frame_processed".equals(json.getString("type")) || "error".equals(json.getString("type")),
          Duration.ofSeconds(30));
        if ("enrollment_complete".equals(last.getString("type"))) {
          break;
        }
      }
      assertThat(last.getMap()).containsEntry("type", "enrollment_complete")
        .containsEntry("enrollment_id", session.getString("enrollment_id"));
      assertThat(socket.awaitClose(Duration.ofSeconds(20))).isEqualTo((short) 1000);
    }
  }
}
