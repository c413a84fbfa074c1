package io.gatehouse.gateway.edge;

import io.gatehouse.gateway.ActionClient;
import io.gatehouse.gateway.GatewayFixture;
import io.gatehouse.gateway.face.FaceFuzzer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bounded fuzz run per protocol of the gateway: {@value #INPUTS} generated inputs each, from a fixed seed,
 * every one answered with a defined reply, error or close, no stack trace in any reply, and the node healthy
 * afterwards.
 */
@DisplayName("fuzzing the gateway's protocols: every input answered, no stack trace, the node stays healthy")
class GatewayFuzzTest {

  static final int INPUTS = 10_000;
  private static final long SEED = 12;

  private static GatewayFixture gatehouse;
  private static JsonObject user;
  private static String topic;

  @BeforeAll
  static void start() {
    gatehouse = GatewayFixture.start(new JsonObject().put("messagesPerSecond", 1_000_000).put("messageBurst", 1_000_000));
    user = gatehouse.user("fuzz");
    topic = "fz-" + System.nanoTime();
    try (ActionClient client = gatehouse.connect(user)) {
      client.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false));
    }
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  @AfterEach
  void nodeIsHealthy() {
    assertThat(gatehouse.http.get("/health", null).status()).isEqualTo(200);
    try (ActionClient client = gatehouse.connect(user)) {
      assertThat(client.call(new JsonObject().put("action", "ping")).getBoolean("success")).isTrue();
    }
  }

  @Test
  @DisplayName("action-protocol WebSocket: mutated actions, binary and broken frames")
  void actionProtocol() {
    ActionFuzzer fuzzer = new ActionFuzzer(gatehouse.port, user.getString("access_token"), topic, SEED);
    assertThat(fuzzer.run(INPUTS)).isGreaterThanOrEqualTo(INPUTS * 9 / 10);
  }

  @Test
  @DisplayName("Socket.IO over Engine.IO's WebSocket: mutated packets on /chat, a probe answered after every ten")
  void socketIo() {
    JsonObject other = gatehouse.user("fuzz-peer");
    SocketIoFuzzer fuzzer = new SocketIoFuzzer(gatehouse.port, user.getString("access_token"),
      other.getString("user_id"), SEED);
    assertThat(fuzzer.run(INPUTS)).isEqualTo(INPUTS);
  }

  @Test
  @DisplayName("SockJS event-bus bridge (raw WebSocket): mutated register, send and publish frames")
  void eventBusBridge() {
    EventBusFuzzer fuzzer = new EventBusFuzzer(gatehouse.port, user.getString("access_token"), topic, SEED);
    assertThat(fuzzer.run(INPUTS)).isEqualTo(INPUTS);
  }

  @Test
  @DisplayName("face WebSocket: mutated pings and frames, binary messages, each answered or closed with a seed 002 code")
  void faceSocket() {
    FaceFuzzer fuzzer = new FaceFuzzer(gatehouse, SEED);
    assertThat(fuzzer.run(INPUTS)).isEqualTo(INPUTS);
  }

  @Test
  @DisplayName("REST: mutated bodies, paths, methods and tokens on every route, all answered below 500")
  void rest() {
    RestFuzzer fuzzer = new RestFuzzer(gatehouse.http, user.getString("access_token"), user.getString("user_id"), SEED);
    assertThat(fuzzer.run(INPUTS)).isEqualTo(INPUTS);
  }
}
