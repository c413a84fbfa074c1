package io.gatehouse.gateway.edge;

import io.gatehouse.contract.edge.ConnectionBudget;
import io.gatehouse.contract.edge.EdgeOptions;
import io.gatehouse.gateway.ActionClient;
import io.gatehouse.gateway.GatewayFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("gateway listener: request-head, body and idle timeouts, connections per address and per node")
class ListenerTimeoutsTest {

  private static final int HEADER_TIMEOUT_MS = 1_000;
  private static final int IDLE_TIMEOUT_MS = 2_000;
  private static final int PER_ADDRESS = 4;
  private static final int PER_NODE = 6;
  /** Far beyond every configured timeout: a connection still open after it was never going to be closed. */
  private static final int READ_TIMEOUT_MS = 15_000;

  private static GatewayFixture gatehouse;
  private static JsonObject user;

  @BeforeAll
  static void start() {
    gatehouse = GatewayFixture.start(new JsonObject(), new JsonObject().put("edge", new JsonObject()
      .put("headerTimeoutMs", HEADER_TIMEOUT_MS).put("bodyTimeoutMs", HEADER_TIMEOUT_MS)
      .put("idleTimeoutMs", IDLE_TIMEOUT_MS).put("maxConnectionsPerAddress", PER_ADDRESS)
      .put("maxConnections", PER_NODE)));
    user = gatehouse.user("edge");
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  @Test
  @DisplayName("a client sending its request head one byte at a time gets 408 and is closed within the header timeout")
  void slowHeaderSenderIsClosed() {
    try (RawConnection slow = RawConnection.open(gatehouse.port, READ_TIMEOUT_MS)) {
      String head = "GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + "a".repeat(400) + "\r\n\r\n";
      String answer = slow.trickleUntilClosed(head, 50);
      assertThat(answer).startsWith("HTTP/1.1 408");
    }
  }

  @Test
  @DisplayName("a client sending its request body one byte at a time gets 408 and is closed within the body timeout")
  void slowBodySenderIsClosed() {
    try (RawConnection slow = RawConnection.open(gatehouse.port, READ_TIMEOUT_MS)) {
      String body = "{\"username\":\"" + "b".repeat(400) + "\"}";
      slow.write("POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: "
        + body.length() + "\r\n\r\n");
      assertThat(slow.trickleUntilClosed(body, 50)).startsWith("HTTP/1.1 408");
    }
  }

  @Test
  @DisplayName("a connection that never sends a request is closed, and so is a keep-alive connection after its "
    + "response, both without a 408 a client could take for the answer to its next request")
  void idleHttpConnectionsAreClosed() {
    try (RawConnection silent = RawConnection.open(gatehouse.port, READ_TIMEOUT_MS);
         RawConnection keptAlive = RawConnection.open(gatehouse.port, READ_TIMEOUT_MS)) {
      keptAlive.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
      assertThat(keptAlive.readResponse()).startsWith("HTTP/1.1 200");
      assertThat(silent.readUntilClosed()).isEmpty();
      assertThat(keptAlive.readUntilClosed()).isEmpty();
    }
  }

  @Test
  @DisplayName("a WebSocket from which nothing arrives is closed after the idle timeout; one that talks stays open")
  void idleWebSocketIsClosed() throws InterruptedException {
    try (ActionClient silent = gatehouse.connect(user); ActionClient talking = gatehouse.connect(user)) {
      for (int i = 0; i < 2 * IDLE_TIMEOUT_MS / 250 && !silent.isClosed(); i++) {
        talking.send(new JsonObject().put("action", "ping"));
        Thread.sleep(250);
      }
      silent.awaitClose(Duration.ofMillis(READ_TIMEOUT_MS));
      assertThat(silent.isClosed()).isTrue();
      assertThat(talking.isClosed()).isFalse();
      assertThat(talking.call(new JsonObject().put("action", "ping")).getBoolean("success")).isTrue();
    }
  }

  @Test
  @DisplayName("a WebSocket gives its place in the connection budget back when it closes")
  void closedWebSocketsAreReleased() throws InterruptedException {
    ConnectionBudget budget = ConnectionBudget.of(gatehouse.vertx, EdgeOptions.from(gatehouse.config));
    for (int round = 0; round < 3 * PER_NODE; round++) {
      try (RawWebSocket ws = RawWebSocket.open("127.0.0.7", gatehouse.port, "/ws", READ_TIMEOUT_MS)) {
        ws.sendText("{\"action\":\"ping\"}");
        assertThat(ws.read()).isNotNull();
      }
      for (int i = 0; i < 100 && budget.open("127.0.0.7") > 0; i++) {
        Thread.sleep(20);
      }
      assertThat(budget.open("127.0.0.7")).as("released after round " + round).isZero();
    }
  }

  @Test
  @DisplayName("one address holds at most edge.maxConnectionsPerAddress plain HTTP connections; more are closed unanswered")
  void plainHttpConnectionsPerAddress() {
    List<RawConnection> admitted = new ArrayList<>();
    try {
      for (int i = 0; i < PER_ADDRESS; i++) {
        admitted.add(startedRequest("127.0.0.2"));
      }
      try (RawConnection extra = RawConnection.open("127.0.0.2", gatehouse.port, READ_TIMEOUT_MS)) {
        extra.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(extra.readUntilClosed()).as("refused at once, no response").isEmpty();
      }
      for (RawConnection connection : admitted) {
        assertThat(connection.readUntilClosed()).as("admitted: the request it started timed out (408)")
          .startsWith("HTTP/1.1 408");
      }
    } finally {
      admitted.forEach(RawConnection::close);
    }
    try (RawConnection again = RawConnection.open("127.0.0.2", gatehouse.port, READ_TIMEOUT_MS)) {
      again.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
      assertThat(again.readUntilClosed()).as("admitted again once the others closed").startsWith("HTTP/1.1 200");
    }
  }

  @Test
  @DisplayName("the node holds at most edge.maxConnections connections from all addresses together")
  void connectionsPerNode() throws InterruptedException {
    ConnectionBudget budget = ConnectionBudget.of(gatehouse.vertx, EdgeOptions.from(gatehouse.config));
    for (int i = 0; i < 100 && budget.total() > 0; i++) {
      Thread.sleep(100); // connections of earlier tests end on their header timeout
    }
    assertThat(budget.total()).isZero();
    List<RawConnection> admitted = new ArrayList<>();
    try {
      for (int i = 0; i < PER_NODE; i++) {
        admitted.add(startedRequest("127.0.0." + (3 + i % 3)));
      }
      try (RawConnection extra = RawConnection.open("127.0.0.9", gatehouse.port, READ_TIMEOUT_MS)) {
        extra.write("GET /health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        assertThat(extra.readUntilClosed()).as("refused at once, no response").isEmpty();
      }
      for (RawConnection connection : admitted) {
        assertThat(connection.readUntilClosed()).startsWith("HTTP/1.1 408");
      }
    } finally {
      admitted.forEach(RawConnection::close);
    }
  }

  /** A connection that has sent part of a request head: once admitted it ends with 408 on the header timeout. */
  private static RawConnection startedRequest(String localAddress) {
    RawConnection connection = RawConnection.open(localAddress, gatehouse.port, READ_TIMEOUT_MS);
    connection.write("GET /health HTTP/1.1\r\n");
    return connection;
  }
}
