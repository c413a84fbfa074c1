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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.gatehouse.node.TestNodes.await;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("three clustered node processes: a node killed mid-stream loses no acknowledged message")
class ClusterFailoverTest {

  private static final int MESSAGES = 240;
  private static final int WINDOW = 8;

  private final List<NodeProcess> nodes = new ArrayList<>();
  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void stop() {
    nodes.forEach(NodeProcess::close);
    await(vertx.close());
  }

  private NodeProcess startNode(Path work, String cluster, DatabaseOptions database, Path keys, int httpPort, String name) {
    JsonObject conf = TestNodes.config(cluster, List.of("all"), database, work.resolve(name), httpPort);
    conf.getJsonObject("auth").put("keyDir", keys.toString());
    conf.getJsonObject("gateway").put("requestTimeoutMs", 4000).put("messagesPerSecond", 10_000).put("messageBurst", 10_000);
    NodeProcess node = NodeProcess.start(work.resolve(name), "-conf", conf.encode());
    nodes.add(node);
    return node;
  }

  @Test
  @DisplayName("subscribers on a surviving node and on the killed node (after reconnecting) end with every acked message, none twice on a connection")
  void killedNodeLosesNothingAcked(@TempDir Path work) {
    String cluster = TestNodes.clusterName();
    DatabaseOptions database = TestDatabase.fresh("failover");
    Path keys = work.resolve("shared-keys");
    int[] ports = {TestNodes.freePort(), TestNodes.freePort(), TestNodes.freePort()};
    NodeProcess first = startNode(work, cluster, database, keys, ports[0], "n1").awaitReady(Duration.ofMinutes(2));
    NodeProcess doomed = startNode(work, cluster, database, keys, ports[1], "n2");
    NodeProcess third = startNode(work, cluster, database, keys, ports[2], "n3");
    doomed.awaitReady(Duration.ofMinutes(2));
    third.awaitReady(Duration.ofMinutes(2));
    assertThat(first.log()).doesNotContain("ERROR");

    String publisherToken = register(ports[0], "publisher");
    String onDoomedToken = register(ports[0], "alice");
    String onSurvivorToken = register(ports[0], "bob");
    String topic = "stream-" + System.nanoTime();

    try (ActionClient publisher = ActionClient.login(vertx, ports[0], publisherToken);
         ActionClient bob = ActionClient.login(vertx, ports[2], onSurvivorToken)) {
      assertThat(publisher.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false))
        .getBoolean("success")).isTrue();
      assertThat(bob.call(new JsonObject().put("action", "subscribe").put("topic_name", topic)).getBoolean("success")).isTrue();
      ActionClient alice = ActionClient.login(vertx, ports[1], onDoomedToken);
      assertThat(alice.call(new JsonObject().put("action", "subscribe").put("topic_name", topic)).getBoolean("success")).isTrue();

      Set<String> acked = new LinkedHashSet<>();
      Set<String> aliceGot = new HashSet<>();
      for (int sent = 0; sent < MESSAGES; sent += WINDOW) {
        if (sent == MESSAGES / 3) {
          doomed.kill();
          aliceGot.addAll(drainIds(alice));
          alice.close();
        }
        for (int i = sent; i < sent + WINDOW; i++) {
          publisher.send(new JsonObject().put("action", "message").put("topic_name", topic).put("content", "m" + i).put("id", i));
        }
        for (int i = sent; i < sent + WINDOW; i++) {
          int id = i;
          JsonObject reply = publisher.expect(json -> "message".equals(json.getString("action"))
            && json.containsKey("success") && Integer.valueOf(id).equals(json.getInteger("id")), Duration.ofSeconds(30));
          if (Boolean.TRUE.equals(reply.getBoolean("success"))) {
            acked.add(reply.getString("message_id"));
          }
        }
      }
      assertThat(acked.size()).as("most publishes succeed despite the kill").isGreaterThan(MESSAGES / 2);

      aliceGot.addAll(receiveWithReconnects(ports[2], onDoomedToken, null, acked, aliceGot));
      Set<String> bobGot = receiveWithReconnects(ports[2], onSurvivorToken, bob, acked, new HashSet<>());
      assertThat(bobGot).containsAll(acked);
      assertThat(aliceGot).containsAll(acked);
    }
  }

  private String register(int port, String name) {
    String username = name + System.nanoTime();
    var reply = await(WebClient.create(vertx).post(port, "127.0.0.1", "/register").sendJsonObject(new JsonObject()
      .put("username", username).put("password", "failover pass").put("email", username + "@example.org")));
    assertThat(reply.statusCode()).as(reply.bodyAsString()).isEqualTo(201);
    return reply.bodyAsJsonObject().getString("access_token");
  }

  /** Message ids already received on this connection, acking each; none may arrive twice. */
  private static Set<String> drainIds(ActionClient client) {
    Set<String> ids = new HashSet<>();
    for (JsonObject frame : client.drain(Duration.ofMillis(200))) {
      if (ActionClient.isDelivery(frame)) {
        assertThat(ids.add(frame.getString("message_id"))).as("delivered twice on one connection").isTrue();
      }
    }
    return ids;
  }

  /**
   * Like a real client: receives on {@code client} (or a new connection) and, if the server closes it
   * (1011 "reconnect" while the cluster heals), connects again and goes on, until every wanted id is seen.
   */
  private Set<String> receiveWithReconnects(int port, String token, ActionClient client, Set<String> wanted,
                                            Set<String> earlier) {
    Set<String> seen = new HashSet<>(earlier);
    ActionClient current = client != null ? client : ActionClient.login(vertx, port, token);
    for (int connection = 0; connection < 5 && !seen.containsAll(wanted); connection++) {
      if (current == null || current.isClosed()) {
        current = ActionClient.login(vertx, port, token);
      }
      seen.addAll(receiveUntil(current, wanted, seen));
      if (!current.isClosed() && seen.containsAll(wanted)) {
        break;
      }
      current = null;
    }
    return seen;
  }

  /** Receives (and acks) deliveries until every wanted id has been seen on this client or earlier. */
  private static Set<String> receiveUntil(ActionClient client, Set<String> wanted, Set<String> earlier) {
    Set<String> onThisConnection = new HashSet<>();
    Set<String> seen = new HashSet<>(earlier);
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!seen.containsAll(wanted) && System.nanoTime() < deadline) {
      JsonObject frame;
      try {
        frame = client.expect(ActionClient::isDelivery, Duration.ofSeconds(30));
      } catch (AssertionError timeout) {
        break;
      }
      String id = frame.getString("message_id");
      assertThat(onThisConnection.add(id)).as("delivered twice on one connection: " + id).isTrue();
      seen.add(id);
      client.send(new JsonObject().put("action", "ack").put("message_id", id));
    }
    return seen;
  }
}
