package io.gatehouse.node;

import io.gatehouse.contract.ServiceRole;
import io.gatehouse.gateway.HealthReport;
import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.gatehouse.node.TestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("/health, /health/live and /health/ready report every role a node runs")
class NodeHealthTest {

  private final List<Vertx> nodes = new ArrayList<>();

  @AfterEach
  void stop() {
    nodes.forEach(vertx -> await(vertx.close()));
  }

  @Test
  @DisplayName("every launcher role has a health address, and every role with a health address is a launcher role")
  void oneListOfRoles() {
    assertThat(Arrays.stream(Role.values()).map(role -> role.roleName() + "=" + role.verticleClass()))
      .containsExactlyInAnyOrderElementsOf(Arrays.stream(ServiceRole.values())
        .map(role -> role.roleName() + "=" + role.verticleClass()).toList());
  }

  @Test
  @DisplayName("a node with all roles reports each of them live and ready; stopping one makes readiness fail and names it")
  void allRolesThenOneStopped(@TempDir Path dataDir) {
    int port = TestNodes.freePort();
    JsonObject config = TestNodes.config(TestNodes.clusterName(), List.of("all"), TestDatabase.fresh("health"), dataDir, port);
    config.getJsonObject("cluster").put("enabled", false);
    Vertx vertx = Vertx.vertx();
    nodes.add(vertx);
    NodeVerticle node = new NodeVerticle();
    await(vertx.deployVerticle(node, new DeploymentOptions().setConfig(config)));
    WebClient http = WebClient.create(vertx);

    for (String path : List.of("/health", "/health/ready", "/health/live")) {
      HttpResponse<Buffer> reply = get(http, port, path);
      assertThat(reply.statusCode()).as(path + " " + reply.bodyAsString()).isEqualTo(200);
      HealthReport report = HealthReport.of(reply.bodyAsJsonObject());
      for (ServiceRole role : ServiceRole.values()) {
        assertThat(report.status("node/" + role.roleName())).as(path + " " + role).isEqualTo("UP");
      }
    }

    await(vertx.undeploy(node.deploymentOf(Role.TOPIC_ROUTING)));
    HttpResponse<Buffer> ready = get(http, port, "/health/ready");
    assertThat(ready.statusCode()).isEqualTo(503);
    HealthReport report = HealthReport.of(ready.bodyAsJsonObject());
    assertThat(report.status()).isEqualTo("DOWN");
    assertThat(report.status("node/topic-routing")).isEqualTo("DOWN");
    assertThat(report.reason("node/topic-routing")).isEqualTo("not running on this node");
    assertThat(report.status("node/user-auth")).isEqualTo("UP");
    assertThat(report.status("node/gateway")).isEqualTo("UP");
    assertThat(get(http, port, "/health").statusCode()).isEqualTo(503);
    HttpResponse<Buffer> live = get(http, port, "/health/live");
    assertThat(live.statusCode()).isEqualTo(503);
    assertThat(HealthReport.of(live.bodyAsJsonObject()).status("node/topic-routing")).isEqualTo("DOWN");
  }

  @Test
  @DisplayName("in a cluster, a services-only node (own health listener) and an edge node each report their own roles")
  void subsetsOfRolesInACluster(@TempDir Path dataDir) {
    String cluster = TestNodes.clusterName();
    DatabaseOptions database = TestDatabase.fresh("health");
    int opsPort = TestNodes.freePort();
    List<String> services = Arrays.stream(ServiceRole.values()).filter(ServiceRole::isService).map(ServiceRole::roleName)
      .toList();
    JsonObject servicesConfig = TestNodes.config(cluster, services, database, dataDir, 0);
    servicesConfig.put("operations", new JsonObject().put("host", "127.0.0.1").put("port", opsPort));
    nodes.add(TestNodes.startNode(servicesConfig));
    int edgePort = TestNodes.freePort();
    Vertx edge = TestNodes.startNode(TestNodes.config(cluster, List.of("gateway", "stomp-bridge"), database, dataDir, edgePort));
    nodes.add(edge);
    WebClient http = WebClient.create(edge);

    // the members learn each other's consumers asynchronously: readiness converges once they have
    HttpResponse<Buffer> edgeReady = getUntilReady(http, edgePort, "/health/ready");
    assertThat(edgeReady.statusCode()).as(edgeReady.bodyAsString()).isEqualTo(200);
    HealthReport edgeReport = HealthReport.of(edgeReady.bodyAsJsonObject());
    assertThat(edgeReport.checks().keySet()).filteredOn(id -> id.startsWith("node/"))
      .containsExactlyInAnyOrder("node/gateway", "node/stomp-bridge");
    assertThat(edgeReport.checks().keySet()).filteredOn(id -> id.startsWith("cluster/"))
      .containsExactlyInAnyOrderElementsOf(services.stream().map(name -> "cluster/" + name).toList());
    assertThat(edgeReport.checks().values()).allSatisfy(check -> assertThat(check.getString("status")).isEqualTo("UP"));

    HttpResponse<Buffer> servicesReady = get(http, opsPort, "/health/ready");
    assertThat(servicesReady.statusCode()).as(servicesReady.bodyAsString()).isEqualTo(200);
    HealthReport servicesReport = HealthReport.of(servicesReady.bodyAsJsonObject());
    assertThat(servicesReport.checks().keySet()).filteredOn(id -> !id.equals("shutdown"))
      .containsExactlyInAnyOrderElementsOf(services.stream().map(name -> "node/" + name).toList());
    assertThat(get(http, opsPort, "/health/live").statusCode()).isEqualTo(200);
  }

  private static HttpResponse<Buffer> getUntilReady(WebClient http, int port, String path) {
    HttpResponse<Buffer> reply = get(http, port, path);
    for (int i = 0; i < 120 && reply.statusCode() != 200; i++) {
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      reply = get(http, port, path);
    }
    return reply;
  }

  private static HttpResponse<Buffer> get(WebClient http, int port, String path) {
    return await(http.get(port, "127.0.0.1", path).send());
  }
}
