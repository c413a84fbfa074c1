package io.gatehouse.stomp;

import io.gatehouse.gateway.ActionClient;
import io.gatehouse.gateway.GatewayFixture;
import io.gatehouse.gateway.NodeClients;
import io.gatehouse.routing.RoutingOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A stomp.py publisher pushes 2 000 SENDs as fast as its socket takes them, at the default per-user message
 * quota (200 a second, burst 400), while raw TCP subscribers listen: the broker stops reading the publisher's
 * socket while its SENDs are unfinished (commits, or messages the quota deferred) and never refuses one for its
 * rate. Whether the quota or the commits of 2 000 x 1 000 deliveries hold it back depends on the machine; the
 * quota alone is shown by {@link StompPublisherQuotaTest}.
 */
@DisplayName("a STOMP publisher sending as fast as it can is slowed to its quota, not disconnected")
class StompPublisherLoadTest {

  private static final int SENDS = 2_000;

  private static SignupFixture fixture;
  private static GatewayFixture gatehouse;

  @BeforeAll
  static void start() {
    NodeClients.installed();
    fixture = new SignupFixture(new JsonObject().put("fixture", new JsonObject().put("metrics", true))
      .put("stomp", new JsonObject().put("maxConnectionsPerIp", 1_010))
      .put("routing", new JsonObject().put("userMessagesPerSecond", RoutingOptions.DEFAULT_USER_MESSAGES_PER_SECOND)));
    gatehouse = fixture.gatehouse;
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** One subscriber's connection: checks each MESSAGE body is the next number, notes any ERROR or close. */
  private static final class Subscriber {
    volatile int messages;
    volatile boolean subscribed;
    volatile int outOfOrder;
    volatile boolean error;
    volatile boolean closed;
    private final ByteArrayOutputStream frame = new ByteArrayOutputStream();

    void onData(Buffer chunk) {
      for (int i = 0; i < chunk.length(); i++) {
        byte b = chunk.getByte(i);
        if (b == 0) {
          received(frame.toString(StandardCharsets.UTF_8));
          frame.reset();
        } else if (frame.size() > 0 || b != '\n' && b != '\r') {
          frame.write(b);
        }
      }
    }

    private void received(String text) {
      if (text.startsWith("ERROR")) {
        error = true;
      } else if (text.startsWith("RECEIPT")) {
        subscribed = true;
      } else if (text.startsWith("MESSAGE")) {
        String body = text.substring(text.indexOf("\n\n") + 2);
        if (!body.equals(Integer.toString(messages + 1))) {
          outOfOrder++;
        }
        messages++;
      }
    }

    String problem() {
      return messages + " messages" + (outOfOrder > 0 ? ", " + outOfOrder + " out of order" : "")
        + (error ? ", ERROR" : "") + (closed ? ", closed" : "");
    }
  }

  @ParameterizedTest(name = "publisher over {0}, {1} subscribers")
  @CsvSource({"tcp,1000", "ws,100"})
  @DisplayName("2 000 SENDs as fast as possible: no ERROR, no close, every MESSAGE once and in order, reads paused")
  void fastPublisherIsPaced(String transport, int subscriberCount) throws Exception {
    JsonObject listener = gatehouse.user("listener");
    JsonObject talker = gatehouse.user("talker");
    String topic = "load-" + transport + "-" + System.nanoTime();
    try (ActionClient action = gatehouse.connect(talker)) {
      action.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false));
    }
    List<Subscriber> subscribers = new ArrayList<>();
    // held until the end: Vert.x closes a client, and every socket it opened, once it is no longer referenced
    NetClient client = gatehouse.vertx.createNetClient();
    try {
      subscribe(client, listener, topic, subscriberCount, subscribers);
      publishAndCheck(transport, topic, talker, subscribers);
    } finally {
      GatewayFixture.await(client.close());
    }
  }

  private static void publishAndCheck(String transport, String topic, JsonObject talker, List<Subscriber> subscribers)
    throws InterruptedException {
    PrometheusText before = scrape();

    JsonObject report = FastPublisher.runClean(fixture, transport, talker.getString("access_token"), topic, SENDS);
    System.out.println(transport + " publisher: " + report.encode());

    awaitMessages(subscribers, SENDS);
    assertThat(subscribers.stream().filter(s -> s.messages != SENDS || s.outOfOrder > 0 || s.error || s.closed)
      .map(Subscriber::problem).toList()).as("subscribers short of " + SENDS + " messages in order").isEmpty();

    PrometheusText after = scrape();
    assertThat(before.increaseTo(after, "gatehouse_reads_paused_total", Map.of("protocol", "stomp")))
      .as("the publisher's socket stopped being read").isPositive();
    assertThat(before.increaseTo(after, "gatehouse_rate_limit_refusals_total", Map.of("edge", "publish")))
      .as("the quota refused none").isZero();
  }

  private static void subscribe(NetClient client, JsonObject user, String topic, int count,
                                List<Subscriber> subscribers) throws InterruptedException {
    String frames = "CONNECT\naccept-version:1.2\nhost:gatehouse\npasscode:" + user.getString("access_token")
      + "\n\n\0SUBSCRIBE\nid:s\ndestination:/topic/" + topic + "\nreceipt:r\n\n\0";
    for (int i = 0; i < count; i++) {
      Subscriber subscriber = new Subscriber();
      NetSocket socket = GatewayFixture.await(client.connect(fixture.stomp.tcpPort(), "127.0.0.1").map(s -> {
        s.handler(subscriber::onData);
        s.closeHandler(v -> subscriber.closed = true);
        return s;
      }));
      GatewayFixture.await(socket.write(frames));
      subscribers.add(subscriber);
    }
    // the SUBSCRIBE's receipt: every subscriber is listening before the publisher starts
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline && subscribers.stream().anyMatch(s -> !s.subscribed && !s.error && !s.closed)) {
      Thread.sleep(50);
    }
    assertThat(subscribers).allSatisfy(s -> assertThat(s.subscribed).as(s.problem()).isTrue());
  }

  private static PrometheusText scrape() {
    return PrometheusText.parse(gatehouse.http.get("/metrics", null).raw().toString());
  }

  /** Waits (up to a generous limit that only catches a hang) until every subscriber has {@code count} messages. */
  private static void awaitMessages(List<Subscriber> subscribers, int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (System.nanoTime() < deadline
      && subscribers.stream().anyMatch(s -> s.messages < count && !s.error && !s.closed)) {
      Thread.sleep(100);
    }
  }
}
