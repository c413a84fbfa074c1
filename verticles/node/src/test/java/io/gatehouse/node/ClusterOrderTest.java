package io.gatehouse.node;

import io.gatehouse.gateway.ActionClient;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.gatehouse.node.TestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("three clustered node processes: one connection's pipelined messages are committed in send order")
class ClusterOrderTest {

  private static final int MESSAGES = 5_000;

  private final List<NodeProcess> nodes = new ArrayList<>();
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() {
    nodes.forEach(NodeProcess::close);
    await(vertx.close());
  }

  private NodeProcess startNode(Path work, String cluster, DatabaseOptions database, List<String> roles, int httpPort,
                                String name) {
    JsonObject conf = TestNodes.config(cluster, roles, database, work.resolve(name), httpPort);
    conf.getJsonObject("auth").put("keyDir", work.resolve("shared-keys").toString());
    conf.getJsonObject("gateway").put("messagesPerSecond", 100_000).put("messageBurst", 100_000);
    NodeProcess node = NodeProcess.start(work.resolve(name), "-conf", conf.encode());
    nodes.add(node);
    return node;
  }

  @Test
  @DisplayName("a publisher on a node without topic-routing pipelines 5 000 messages; members on every node get them in send order")
  void pipelinedPublishesKeepTheirOrder(@TempDir Path work) {
    String cluster = TestNodes.clusterName();
    DatabaseOptions database = TestDatabase.fresh("order");
    int[] ports = {TestNodes.freePort(), TestNodes.freePort(), TestNodes.freePort()};
    // The first node has no topic-routing of its own: its appends go round robin to the other two nodes'
    // instances, which commit independently of each other.
    startNode(work, cluster, database, List.of("all"), ports[1], "n2").awaitReady(Duration.ofMinutes(2));
    startNode(work, cluster, database, List.of("all"), ports[2], "n3").awaitReady(Duration.ofMinutes(2));
    startNode(work, cluster, database, List.of("gateway", "user-auth", "pending-delivery"), ports[0], "n1")
      .awaitReady(Duration.ofMinutes(2));

    String topic = "order-" + System.nanoTime();
    List<ActionClient> members = new ArrayList<>();
    try (ActionClient publisher = ActionClient.login(vertx, ports[0], register(ports[0], "publisher"))) {
      assertThat(publisher.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false))
        .getBoolean("success")).isTrue();
      for (int port : ports) {
        ActionClient member = ActionClient.login(vertx, port, register(port, "member"));
        assertThat(member.call(new JsonObject().put("action", "subscribe").put("topic_name", topic))
          .getBoolean("success")).isTrue();
        members.add(member);
      }

      for (int i = 0; i < MESSAGES; i++) {
        publisher.send(new JsonObject().put("action", "message").put("topic_name", topic).put("content", "m" + i)
          .put("id", i));
      }
      Set<String> acked = new HashSet<>();
      for (int i = 0; i < MESSAGES; i++) {
        JsonObject reply = publisher.expect(json -> "message".equals(json.getString("action"))
          && json.containsKey("success"), Duration.ofSeconds(60));
        assertThat(reply.getBoolean("success")).as(reply.encode()).isTrue();
        acked.add(reply.getString("message_id"));
      }
      assertThat(acked).hasSize(MESSAGES);

      for (ActionClient member : members) {
        List<JsonObject> deliveries = member.deliveries(MESSAGES, Duration.ofSeconds(60));
        int violations = 0;
        int previous = -1;
        Set<String> ids = new HashSet<>();
        for (JsonObject delivery : deliveries) {
          int index = Integer.parseInt(delivery.getString("content").substring(1));
          if (index <= previous) {
            violations++;
          }
          previous = index;
          ids.add(delivery.getString("message_id"));
        }
        assertThat(violations).as("deliveries out of send order").isZero();
        assertThat(ids).isEqualTo(acked);
      }
    } finally {
      members.forEach(ActionClient::close);
    }
  }

  private String register(int port, String name) {
    return TestNodes.register(WebClient.create(vertx), "127.0.0.1", port, name + System.nanoTime());
  }

}
