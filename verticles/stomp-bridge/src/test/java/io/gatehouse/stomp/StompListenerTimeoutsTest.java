package io.gatehouse.stomp;

import io.gatehouse.contract.edge.ConnectionBudget;
import io.gatehouse.contract.edge.EdgeOptions;
import io.gatehouse.gateway.edge.RawConnection;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("STOMP listeners: handshake and idle timeouts, one connection budget with the gateway")
class StompListenerTimeoutsTest {

  private static final int READ_TIMEOUT_MS = 15_000;
  private static final int PER_ADDRESS = 3;

  private static SignupFixture fixture;
  private static JsonObject user;

  @BeforeAll
  static void start() {
    fixture = new SignupFixture(new JsonObject().put("edge", new JsonObject().put("headerTimeoutMs", 1_000)
      .put("bodyTimeoutMs", 1_000).put("idleTimeoutMs", 1_500).put("maxConnectionsPerAddress", PER_ADDRESS)));
    user = fixture.gatehouse.user("stomp-edge");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("a WebSocket handshake sent one byte at a time on port 8089 gets 408 and is closed")
  void slowHandshakeIsClosed() {
    try (RawConnection slow = RawConnection.open(fixture.stomp.webSocketPort(), READ_TIMEOUT_MS)) {
      String head = "GET /stomp HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
        + "X-Slow: " + "s".repeat(400) + "\r\n\r\n";
      assertThat(slow.trickleUntilClosed(head, 50)).startsWith("HTTP/1.1 408");
    }
  }

  @Test
  @DisplayName("a TCP client that connected without heart-beats and then says nothing is closed after the idle timeout")
  void silentTcpClientIsClosed() {
    try (RawConnection silent = RawConnection.open(fixture.stomp.tcpPort(), READ_TIMEOUT_MS)) {
      silent.write("CONNECT\naccept-version:1.2\nheart-beat:0,0\npasscode:" + user.getString("access_token") + "\n\n\0");
      assertThat(silent.readUntilClosed()).startsWith("CONNECTED");
    }
  }

  @Test
  @DisplayName("connections from one address count across the gateway and STOMP: past the cap STOMP TCP gets ERROR")
  void budgetIsSharedWithTheGateway() throws InterruptedException {
    ConnectionBudget budget = ConnectionBudget.of(fixture.gatehouse.vertx, EdgeOptions.from(fixture.gatehouse.config));
    try (RawConnection http1 = RawConnection.open("127.0.0.2", fixture.gatehouse.port, READ_TIMEOUT_MS);
         RawConnection http2 = RawConnection.open("127.0.0.2", fixture.gatehouse.port, READ_TIMEOUT_MS)) {
      http1.write("GET /health HTTP/1.1\r\n");
      http2.write("GET /health HTTP/1.1\r\n");
      for (int i = 0; i < 100 && budget.open("127.0.0.2") < 2; i++) {
        Thread.sleep(20); // both admitted by the gateway before STOMP is tried
      }
      assertThat(budget.open("127.0.0.2")).isEqualTo(2);
      stompPastTheCap();
      assertThat(http1.readUntilClosed()).startsWith("HTTP/1.1 408");
      assertThat(http2.readUntilClosed()).startsWith("HTTP/1.1 408");
    }
  }

  private static void stompPastTheCap() {
    try (RawConnection stomp = RawConnection.open("127.0.0.2", fixture.stomp.tcpPort(), READ_TIMEOUT_MS);
         RawConnection refused = RawConnection.open("127.0.0.2", fixture.stomp.tcpPort(), READ_TIMEOUT_MS)) {
      assertThat(refused.readUntilClosed()).startsWith("ERROR\nmessage:Too many connections");
      stomp.write("CONNECT\naccept-version:1.2\nheart-beat:0,0\npasscode:" + user.getString("access_token") + "\n\n\0");
      assertThat(stomp.readUntilClosed()).as("admitted; closed later by the idle timeout").startsWith("CONNECTED");
    }
  }
}
