package io.gatehouse.stomp;

import io.gatehouse.gateway.ActionClient;
import io.gatehouse.gateway.GatewayFixture;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("a STOMP publisher sending as fast as it can is slowed, not disconnected")
class StompPublisherLoadTest {

  private static final int SUBSCRIBERS = 1_000;
  private static final int SENDS = 2_000;

  private static SignupFixture fixture;
  private static GatewayFixture gatehouse;

  @BeforeAll
  static void start() {
    // the per-user message quota of routing is a separate matter (its refusal is an ERROR): lifted here
    fixture = new SignupFixture(new JsonObject()
      .put("stomp", new JsonObject().put("maxConnectionsPerIp", SUBSCRIBERS + 10))
      .put("routing", new JsonObject().put("userMessagesPerSecond", 1_000_000)));
    gatehouse = fixture.gatehouse;
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** One subscriber's connection: counts whole frames (each ends with NUL) and notes any ERROR or close. */
  private static final class Subscriber {
    final AtomicInteger frames = new AtomicInteger();
    volatile boolean error;
    volatile boolean closed;
    private boolean atFrameStart = true;

    void onData(Buffer chunk) {
      for (int i = 0; i < chunk.length(); i++) {
        byte b = chunk.getByte(i);
        if (b == 0) {
          frames.incrementAndGet();
          atFrameStart = true;
        } else if (atFrameStart && b != '\n' && b != '\r') {
          error |= b == 'E';
          atFrameStart = false;
        }
      }
    }
  }

  @Test
  @DisplayName("2 000 SENDs as fast as possible to 1 000 TCP subscribers: no ERROR, no close, every MESSAGE arrives")
  void fastPublisherIsBackPressured() throws Exception {
    JsonObject listener = gatehouse.user("listener");
    JsonObject talker = gatehouse.user("talker");
    String topic = "load-" + System.nanoTime();
    try (ActionClient action = gatehouse.connect(talker)) {
      action.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false));
    }
    String connect = "CONNECT\naccept-version:1.2\nhost:gatehouse\npasscode:" + listener.getString("access_token")
      + "\n\n\0";
    NetClient client = gatehouse.vertx.createNetClient();
    List<Subscriber> subscribers = new ArrayList<>();
    List<NetSocket> sockets = new ArrayList<>();
    for (int i = 0; i < SUBSCRIBERS; i++) {
      Subscriber subscriber = new Subscriber();
      NetSocket socket = GatewayFixture.await(client.connect(fixture.stomp.tcpPort(), "127.0.0.1").map(s -> {
        s.handler(subscriber::onData);
        s.closeHandler(v -> subscriber.closed = true);
        return s;
      }));
      GatewayFixture.await(socket.write(connect + "SUBSCRIBE\nid:s\ndestination:/topic/" + topic + "\nreceipt:r\n\n\0"));
      subscribers.add(subscriber);
      sockets.add(socket);
    }
    awaitFrames(subscribers, 2); // CONNECTED and the SUBSCRIBE's RECEIPT

    try (RawStomp publisher = RawStomp.tcp(fixture.stomp.tcpPort())) {
      publisher.send("CONNECT\naccept-version:1.2\npasscode:" + talker.getString("access_token") + "\n\n\0");
      StringBuilder burst = new StringBuilder();
      for (int n = 1; n <= SENDS; n++) {
        burst.append("SEND\ndestination:/topic/").append(topic).append(n == SENDS ? "\nreceipt:last" : "")
          .append("\n\nmessage ").append(n).append('\0');
        if (n % 200 == 0) {
          publisher.send(burst.toString());
          burst.setLength(0);
        }
      }
      // the receipt follows the last commit; only a hang, not slowness, fails here
      String received = publisher.awaitText("receipt-id:last", 300);
      assertThat(received).doesNotContain("ERROR");
      assertThat(publisher.isClosed()).isFalse();
    }

    awaitFrames(subscribers, 2 + SENDS);
    assertThat(subscribers.stream().filter(s -> s.frames.get() != 2 + SENDS || s.error || s.closed)
      .map(s -> s.frames.get() + (s.error ? " error" : "") + (s.closed ? " closed" : "")).toList())
      .as("subscribers short of " + (2 + SENDS) + " frames").isEmpty();
    assertThat(subscribers).allSatisfy(subscriber -> {
      assertThat(subscriber.frames.get()).isEqualTo(2 + SENDS);
      assertThat(subscriber.error).isFalse();
      assertThat(subscriber.closed).isFalse();
    });
    GatewayFixture.await(Future.all(sockets.stream().map(NetSocket::close).toList()));
  }

  /** Waits (up to a generous limit that only catches a hang) until every subscriber has {@code count} frames. */
  private static void awaitFrames(List<Subscriber> subscribers, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline
      && subscribers.stream().anyMatch(s -> s.frames.get() < count && !s.error && !s.closed)) {
      Thread.sleep(100);
    }
  }
}
