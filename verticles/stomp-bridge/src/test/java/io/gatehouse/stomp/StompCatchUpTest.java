package io.gatehouse.stomp;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.Publish;
import io.gatehouse.contract.routing.Published;
import io.gatehouse.contract.routing.ReadRange;
import io.gatehouse.gateway.ActionClient;
import io.gatehouse.gateway.GatewayFixture;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.DeliveryContext;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static io.gatehouse.gateway.GatewayFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("STOMP topic subscriptions catch up: pages of missed messages, and gaps in live delivery")
class StompCatchUpTest {

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
  @DisplayName("1 100 messages sent while the subscriber was away arrive once each, in order, before live ones")
  void offlineBacklogBeyondOnePage() throws Exception {
    JsonObject alice = gatehouse.user("alice");
    JsonObject bob = gatehouse.user("bob");
    String topic = createTopic(alice);
    try (RawStomp stomp = connect(bob)) {
      subscribe(stomp, topic, "client-individual");
    }
    publish(alice, topic, "away-", 1100);

    try (RawStomp stomp = connect(bob)) {
      subscribe(stomp, topic, "auto");
      publish(alice, topic, "live-", 3);
      String received = stomp.awaitText("\n\nlive-3\0");

      List<String> expected = new ArrayList<>(IntStream.rangeClosed(1, 1100).mapToObj(i -> "away-" + i).toList());
      expected.addAll(List.of("live-1", "live-2", "live-3"));
      assertThat(bodies(received)).containsExactlyElementsOf(expected);
    }
  }

  @Test
  @DisplayName("live deliveries the bus dropped are read from the log, after two failed reads, once each and in order")
  void droppedDeliveriesAreReadFromTheLog() throws Exception {
    JsonObject alice = gatehouse.user("alice");
    JsonObject bob = gatehouse.user("bob");
    String topic = createTopic(alice);
    Set<Long> dropped = Set.of(3L, 4L, 5L, 9L);
    AtomicInteger failedReads = new AtomicInteger();
    String bobId = bob.getString("user_id");
    Handler<DeliveryContext<Object>> dropper = context -> {
      if (context.body() instanceof Delivery delivery && delivery.topicName().equals(topic)
        && dropped.contains(delivery.seq())) {
        return; // lost on the bus
      }
      context.next();
    };
    Handler<DeliveryContext<Object>> flakyLog = context -> {
      if (context.body() instanceof ReadRange read && read.userId().equals(bobId) && failedReads.get() < 2) {
        failedReads.incrementAndGet();
        context.message().fail(503, "log unavailable while the cluster heals");
        return;
      }
      context.next();
    };
    try (RawStomp stomp = connect(bob)) {
      subscribe(stomp, topic, "client");
      gatehouse.vertx.eventBus().addOutboundInterceptor(dropper);
      gatehouse.vertx.eventBus().addInboundInterceptor(flakyLog);
      try {
        publish(alice, topic, "m-", 12);
        String received = stomp.awaitText("\n\nm-12\0");

        assertThat(bodies(received)).containsExactly("m-1", "m-2", "m-3", "m-4", "m-5", "m-6", "m-7", "m-8", "m-9",
          "m-10", "m-11", "m-12");
        assertThat(failedReads).hasValue(2);
        assertThat(stomp.isClosed()).isFalse();
      } finally {
        gatehouse.vertx.eventBus().removeOutboundInterceptor(dropper);
        gatehouse.vertx.eventBus().removeInboundInterceptor(flakyLog);
      }
    }
  }

  private static String createTopic(JsonObject owner) {
    String topic = "catch-up-" + System.nanoTime();
    try (ActionClient action = gatehouse.connect(owner)) {
      assertThat(action.call(new JsonObject().put("action", "create").put("topic_name", topic).put("is_private", false))
        .getBoolean("success")).isTrue();
    }
    return topic;
  }

  private static RawStomp connect(JsonObject user) throws Exception {
    RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort());
    stomp.send("CONNECT\naccept-version:1.2\nhost:gatehouse\nheart-beat:0,0\npasscode:"
      + user.getString("access_token") + "\n\n\0");
    stomp.awaitText("CONNECTED");
    return stomp;
  }

  private static void subscribe(RawStomp stomp, String topic, String ack) throws Exception {
    String receipt = "sub-" + System.nanoTime();
    stomp.send("SUBSCRIBE\nid:s1\ndestination:/topic/" + topic + "\nack:" + ack + "\nreceipt:" + receipt + "\n\n\0");
    stomp.awaitText("receipt-id:" + receipt);
  }

  /** Publishes {@code count} messages one after the other (so their log order is their numbering). */
  private static void publish(JsonObject sender, String topic, String prefix, int count) {
    Future<Published> chain = Future.succeededFuture();
    for (int i = 1; i <= count; i++) {
      String content = prefix + i;
      chain = chain.compose(previous -> gatehouse.vertx.eventBus().<Published>request(Addresses.Routing.PUBLISH,
          Publish.toTopic(sender.getString("user_id"), sender.getString("username"), topic, content))
        .map(Message::body));
    }
    await(chain);
  }

  /** The bodies of the MESSAGE frames in what was received, in order. */
  private static List<String> bodies(String received) {
    return Arrays.stream(received.split("\0"))
      .map(frame -> frame.replaceFirst("^[\r\n]+", ""))
      .filter(frame -> frame.startsWith("MESSAGE\n"))
      .map(frame -> frame.substring(frame.indexOf("\n\n") + 2))
      .toList();
  }
}
