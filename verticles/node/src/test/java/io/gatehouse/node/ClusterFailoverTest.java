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
    conf.getJsonObject("gateway").put("messagesPerSecond", 10_000).put("messageBurst", 10_000);
    NodeProcess node = NodeProcess.start(work.resolve(name), "-conf", conf.encode());
    nodes.add(node);
    return node;
  }

  @Test
  @DisplayName("after SIGKILL of the subscriber's node it reconnects once to a survivor and gets every acked message; no client is closed")
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
      // alice reads nothing before her node dies: all of it is pending, and must come from the log
      publishRange(publisher, topic, 0, MESSAGES / 3, acked);
      Set<String> aliceGot = new HashSet<>();
      Set<String> aliceConnection = new HashSet<>();

      String logsBefore = first.log() + third.log();
      long killedAt = System.nanoTime();
      doomed.kill();
      alice.close();
      // Like a client that reconnects at once to another node; it must not be closed again.
      try (ActionClient aliceAgain = ActionClient.login(vertx, ports[2], onDoomedToken)) {
        JsonObject firstAfter = aliceAgain.expect(ActionClient::isDelivery, Duration.ofSeconds(30));
        double aliceResumed = secondsSince(killedAt);
        take(aliceAgain, firstAfter, aliceGot, aliceConnection);
        String marker = "after-kill-" + System.nanoTime();
        publishUntilAcked(publisher, topic, marker, acked);
        JsonObject markerFrame = bob.expect(json -> ActionClient.isDelivery(json)
          && marker.equals(json.getString("content")), Duration.ofSeconds(30));
        double bobResumed = secondsSince(killedAt);
        Set<String> bobGot = new HashSet<>();
        Set<String> bobConnection = new HashSet<>();
        take(bob, markerFrame, bobGot, bobConnection);
        System.out.printf("failover: first delivery on the reconnected connection %.2f s after the kill, "
          + "first new message on the survivor's subscriber %.2f s after it%n", aliceResumed, bobResumed);

        publishRange(publisher, topic, MESSAGES / 3, MESSAGES, acked);
        assertThat(acked).as("every publish succeeds, once retried").hasSize(MESSAGES + 1);
        receiveUntil(aliceAgain, acked, aliceGot, aliceConnection);
        receiveUntil(bob, acked, bobGot, bobConnection);
        assertThat(bobGot).containsAll(acked);
        assertThat(aliceGot).containsAll(acked);
        assertThat(aliceAgain.isClosed()).as("the reconnected client is not closed a second time").isFalse();
        assertThat(bob.isClosed()).as("the survivor's subscriber is never closed").isFalse();
        assertThat(publisher.isClosed()).as("the publisher is never closed").isFalse();
      }
      String logsAfter = (first.log() + third.log()).substring(logsBefore.length());
      long warnings = logsAfter.lines().filter(line -> line.contains(" WARN ")).count();
      assertThat(warnings).as("warnings on the survivors after the kill:\n" + logsAfter).isLessThan(20);
    }
  }

  private static double secondsSince(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  /** Publishes m{from}..m{to-1} in windows of pipelined messages; a refused publish is sent again, as a client would. */
  private static void publishRange(ActionClient publisher, String topic, int from, int to, Set<String> acked) {
    for (int sent = from; sent < to; sent += WINDOW) {
      int end = Math.min(to, sent + WINDOW);
      for (int i = sent; i < end; i++) {
        publisher.send(new JsonObject().put("action", "message").put("topic_name", topic).put("content", "m" + i).put("id", i));
      }
      for (int i = sent; i < end; i++) {
        int id = i;
        JsonObject reply = publisher.expect(json -> "message".equals(json.getString("action"))
          && json.containsKey("success") && Integer.valueOf(id).equals(json.getInteger("id")), Duration.ofSeconds(30));
        if (Boolean.TRUE.equals(reply.getBoolean("success"))) {
          acked.add(reply.getString("message_id"));
        } else {
          publishUntilAcked(publisher, topic, "m" + i, acked);
        }
      }
    }
  }

  private static void publishUntilAcked(ActionClient publisher, String topic, String content, Set<String> acked) {
    for (int attempt = 0; attempt < 10; attempt++) {
      JsonObject reply = publisher.call(new JsonObject().put("action", "message").put("topic_name", topic)
        .put("content", content));
      if (Boolean.TRUE.equals(reply.getBoolean("success"))) {
        acked.add(reply.getString("message_id"));
        return;
      }
    }
    throw new AssertionError("publish of " + content + " refused ten times");
  }

  private String register(int port, String name) {
    return TestNodes.register(WebClient.create(vertx), "127.0.0.1", port, name + System.nanoTime());
  }


  /** Receives (and acks) deliveries until every wanted id is in {@code seen}; none may come twice on one connection. */
  private static void receiveUntil(ActionClient client, Set<String> wanted, Set<String> seen, Set<String> onConnection) {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (!seen.containsAll(wanted) && System.nanoTime() < deadline) {
      take(client, client.expect(ActionClient::isDelivery, Duration.ofSeconds(30)), seen, onConnection);
    }
  }

  private static void take(ActionClient client, JsonObject delivery, Set<String> seen, Set<String> onConnection) {
    String id = delivery.getString("message_id");
    assertThat(onConnection.add(id)).as("delivered twice on one connection: " + id).isTrue();
    seen.add(id);
    client.send(new JsonObject().put("action", "ack").put("message_id", id));
  }
}
