package io.gatehouse.stomp;

import io.gatehouse.gateway.HttpProbe;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("garbage STOMP gets an ERROR frame and a close, and the node stays healthy")
class StompGarbageTest {

  private static SignupFixture fixture;
  private static String token;

  @BeforeAll
  static void start() {
    fixture = new SignupFixture(new JsonObject().put("stomp", new JsonObject().put("heartbeatMs", 300)));
    token = fixture.gatehouse.user("garbage").getString("access_token");
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** After every abuse: a well-behaved client still connects and the gateway reports healthy. */
  @AfterEach
  void nodeIsHealthy() throws Exception {
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send("CONNECT\naccept-version:1.2\npasscode:" + token + "\n\n\0");
      assertThat(stomp.awaitText("CONNECTED")).contains("version:1.2");
    }
    HttpProbe.Reply health = fixture.gatehouse.http.get("/health", null);
    assertThat(health.status()).as(health.raw().toString()).isEqualTo(200);
  }

  @Test
  @DisplayName("a frame before CONNECT is refused, over TCP and over the slot WebSocket")
  void frameBeforeConnect() throws Exception {
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send("SUBSCRIBE\nid:0\ndestination:/topic/x\n\n\0");
      assertThat(stomp.readUntilClosed()).startsWith("ERROR").contains("Not connected");
    }
    SignupClient browser = fixture.browser();
    String slotId = fixture.allotSlot(browser, "mock-identity-verifier");
    try (RawStomp stomp = RawStomp.webSocket(fixture.gatehouse.vertx, fixture.stomp.webSocketPort(),
      "/v1/signup/ws?slotId=" + slotId, browser.cookieHeader())) {
      stomp.send("SEND\ndestination:/v1/signup/ws/process-frame\n\n{}\0");
      assertThat(stomp.readUntilClosed()).startsWith("ERROR").contains("Not connected");
    }
  }

  @Test
  @DisplayName("a CONNECT without its NUL terminator never completes: ERROR after stomp.connectTimeoutMs, then close")
  void missingNul() throws Exception {
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send("CONNECT\naccept-version:1.2\npasscode:" + token + "\n\n");
      assertThat(stomp.readUntilClosed()).startsWith("ERROR").contains("No complete CONNECT");
    }
  }

  @Test
  @DisplayName("an unknown command and a COMMIT of a transaction never begun are refused")
  void unknownCommands() throws Exception {
    for (String frame : List.of("FROBNICATE\n\n\0", "COMMIT\ntransaction:never-begun\n\n\0")) {
      try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
        stomp.send("CONNECT\naccept-version:1.2\npasscode:" + token + "\n\n\0" + frame);
        assertThat(stomp.readUntilClosed()).contains("CONNECTED").contains("ERROR");
      }
    }
  }

  @Test
  @DisplayName("a 10 MB header, sent in chunks without an end of line, is cut off with ERROR")
  void tenMegabyteHeader() throws Exception {
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send("CONNECT\naccept-version:1.2\nx-huge:");
      Buffer chunk = Buffer.buffer("a".repeat(64 * 1024));
      for (int i = 0; i < 160 && !stomp.isClosed(); i++) {
        stomp.send(chunk);
      }
      String received = stomp.readUntilClosed();
      // the server writes ERROR then closes; a client that keeps sending may see its kernel drop the
      // ERROR on the reset that follows, so an empty read is allowed, anything else must be that ERROR
      if (!received.isEmpty()) {
        assertThat(received).startsWith("ERROR").contains("Header section larger than");
      }
      assertThat(stomp.isClosed()).isTrue();
    }
  }

  @Test
  @DisplayName("a body larger than stomp.maxBodyBytes and never terminated is cut off with ERROR")
  void endlessBody() throws Exception {
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send("CONNECT\naccept-version:1.2\npasscode:" + token + "\n\n\0SEND\ndestination:/topic/x\n\n");
      Buffer chunk = Buffer.buffer("b".repeat(64 * 1024));
      for (int i = 0; i < 100 && !stomp.isClosed(); i++) {
        stomp.send(chunk);
      }
      String received = stomp.readUntilClosed();
      if (!received.isEmpty()) {
        assertThat(received).contains("ERROR").contains("Body larger than");
      }
      assertThat(stomp.isClosed()).isTrue();
    }
  }

  @Test
  @DisplayName("1000 random frames on one connection, and random bytes on 50 more, each end in ERROR and close")
  void randomFrames() throws Exception {
    Random random = new Random(6);
    String[] commands = {"CONNECT", "SEND", "SUBSCRIBE", "ACK", "NACK", "BEGIN", "XYZ", "", "MESSAGE", "STOMP"};
    StringBuilder frames = new StringBuilder();
    for (int i = 0; i < 1000; i++) {
      frames.append(commands[random.nextInt(commands.length)]).append('\n');
      for (int h = random.nextInt(4); h > 0; h--) {
        frames.append(randomText(random, 12)).append(random.nextBoolean() ? ":" : "").append(randomText(random, 20))
          .append('\n');
      }
      frames.append('\n').append(randomText(random, 40)).append('\0');
    }
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send(frames.toString());
      assertThat(stomp.readUntilClosed()).contains("ERROR");
    }
    for (int c = 0; c < 50; c++) {
      byte[] bytes = new byte[1 + random.nextInt(4096)];
      random.nextBytes(bytes);
      try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
        stomp.send(Buffer.buffer(bytes).appendString("\n\n\0"));
        assertThat(stomp.readUntilClosed()).contains("ERROR");
      }
    }
  }

  @Test
  @DisplayName("heart-beats: the server beats for a client that asks, and drops a client that promised beats and went silent")
  void heartbeats() throws Exception {
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send("CONNECT\naccept-version:1.2\nheart-beat:0,300\npasscode:" + token + "\n\n\0");
      assertThat(stomp.awaitText("\0\n")).contains("heart-beat:300,300");
    }
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send("CONNECT\naccept-version:1.2\nheart-beat:300,0\npasscode:" + token + "\n\n\0");
      assertThat(stomp.readUntilClosed()).startsWith("CONNECTED");
    }
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send("CONNECT\naccept-version:1.2\nheart-beat:soon\npasscode:" + token + "\n\n\0");
      assertThat(stomp.readUntilClosed()).startsWith("ERROR").contains("heart-beat");
    }
  }

  private static String randomText(Random random, int max) {
    StringBuilder text = new StringBuilder();
    for (int i = random.nextInt(max); i > 0; i--) {
      text.append((char) (32 + random.nextInt(95)));
    }
    return text.toString();
  }
}
