package io.gatehouse.stomp;

import io.gatehouse.gateway.ActionClient;
import io.gatehouse.gateway.GatewayFixture;
import io.gatehouse.gateway.NodeClients;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Debian's python3-stomp (stomp.py) against the broker, over TCP and over WebSocket, as STOMP 1.1 and 1.2. */
@DisplayName("stomp.py clients over TCP and WebSocket")
class StompPyClientTest {

  private static SignupFixture fixture;
  private static GatewayFixture gatehouse;

  @BeforeAll
  static void start() {
    fixture = new SignupFixture(new JsonObject());
    gatehouse = fixture.gatehouse;
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** Runs one scenario of clients/stomp_py_client.py for a new user on a new public topic; its JSON lines. */
  static List<JsonObject> scenario(String transport, String version, String scenario) {
    JsonObject user = gatehouse.user("py");
    String topic = "py-" + scenario + "-" + System.nanoTime();
    try (ActionClient action = gatehouse.connect(user)) {
      action.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false));
    }
    String address = transport.equals("tcp") ? "127.0.0.1:" + fixture.stomp.tcpPort()
      : "ws://127.0.0.1:" + fixture.stomp.webSocketPort() + "/stomp";
    NodeClients.Run run = NodeClients.run(NodeClients.clientsDir(), 90, PythonStompClient.PYTHON,
      "stomp_py_client.py", transport, address, user.getString("access_token"), version, scenario, topic);
    assertThat(run.status()).as(run.stdout() + run.stderr()).isZero();
    List<JsonObject> lines = run.stdout().lines().filter(line -> line.startsWith("{")).map(JsonObject::new).toList();
    assertThat(lines).as(run.stderr()).last().isEqualTo(new JsonObject().put("done", scenario));
    return lines;
  }

  @ParameterizedTest(name = "{0} STOMP {1}")
  @CsvSource({"tcp,1.1", "tcp,1.2", "ws,1.1", "ws,1.2"})
  @DisplayName("SEND to /queue/x and SUBSCRIBE without destination: ERROR with the receipt-id, then a close")
  void refusedDestinations(String transport, String version) {
    List<JsonObject> lines = scenario(transport, version, "refused-destinations");
    assertThat(lines.get(0).getJsonObject("error").getString("receipt-id")).isEqualTo("r-send");
    assertThat(lines.get(0).getJsonObject("error").getString("message")).contains("/queue/x");
    assertThat(lines.get(0).getBoolean("disconnected")).isTrue();
    assertThat(lines.get(1).getJsonObject("error").getString("receipt-id")).isEqualTo("r-subscribe");
    assertThat(lines.get(1).getBoolean("disconnected")).isTrue();
  }

  @ParameterizedTest(name = "{0} STOMP {1}")
  @CsvSource({"tcp,1.1", "tcp,1.2", "ws,1.1", "ws,1.2"})
  @DisplayName("BEGIN/SEND/ABORT delivers nothing; BEGIN/SEND/SEND/COMMIT delivers both at COMMIT, in order")
  void transactions(String transport, String version) {
    JsonObject result = scenario(transport, version, "transactions").get(0);
    assertThat(result.getJsonArray("before_commit")).isEmpty();
    assertThat(result.getJsonArray("received").getList()).containsExactly("one", "two", "marker");
    assertThat(result.getInteger("errors")).isZero();
  }

  @ParameterizedTest(name = "{0} STOMP {1}")
  @CsvSource({"tcp,1.1", "tcp,1.2", "ws,1.1", "ws,1.2"})
  @DisplayName("user headers and content-type reach the MESSAGE with a content-length; NUL and non-UTF-8 bytes survive")
  void headersAndBytes(String transport, String version) {
    List<JsonObject> lines = scenario(transport, version, "headers-and-bytes");
    JsonObject json = lines.get(0).getJsonObject("headers");
    assertThat(json.getString("content-type")).isEqualTo("application/json");
    assertThat(json.getString("x-trace")).isEqualTo("abc:def");
    assertThat(json.getString("priority-class")).isEqualTo("gold");
    assertThat(json.getString("content-length")).isEqualTo("7");
    assertThat(lines.get(0).getString("body_hex")).isEqualTo("7b2261223a317d");
    JsonObject binary = lines.get(1).getJsonObject("headers");
    assertThat(binary.getString("content-type")).isEqualTo("application/octet-stream");
    assertThat(binary.getString("content-length")).isEqualTo("11");
    assertThat(lines.get(1).getString("body_hex")).isEqualTo("000162696e617279fffe00");
  }

  @ParameterizedTest(name = "{0} STOMP {1}")
  @CsvSource({"tcp,1.1", "tcp,1.2", "ws,1.1", "ws,1.2"})
  @DisplayName("client-individual: ACK the 2nd of 3, NACK the 3rd, reconnect: the 1st and 3rd come back, not the 2nd")
  void individualAcks(String transport, String version) {
    JsonObject result = scenario(transport, version, "individual-acks").get(0);
    assertThat(result.getJsonArray("again").getList()).containsExactly("m1", "m3", "marker");
  }
}
