package io.gatehouse.stomp;

import io.gatehouse.gateway.ActionClient;
import io.gatehouse.gateway.GatewayFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("fuzzing STOMP over TCP: every input answered, no stack trace, the node stays healthy")
class StompFuzzTest {

  private static final int INPUTS = 10_000;

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

  @Test
  @DisplayName("10 000 mutated frames after CONNECT, a SEND with a receipt answered after every ten")
  void stompOverTcp() throws Exception {
    JsonObject user = gatehouse.user("stomp-fuzz");
    String topic = "stomp-fz-" + System.nanoTime();
    try (ActionClient client = gatehouse.connect(user)) {
      client.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false));
    }
    StompFuzzer fuzzer = new StompFuzzer(fixture.stomp.tcpPort(), user.getString("access_token"), topic, 14);
    assertThat(fuzzer.run(INPUTS)).isEqualTo(INPUTS);

    assertThat(gatehouse.http.get("/health", null).status()).isEqualTo(200);
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send("CONNECT\naccept-version:1.2\npasscode:" + user.getString("access_token") + "\n\n\0");
      assertThat(stomp.awaitText("CONNECTED")).contains("version:1.2");
    }
  }
}
