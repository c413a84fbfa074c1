package io.gatehouse.pending;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.routing.Ack;
import io.gatehouse.contract.routing.Acked;
import io.gatehouse.contract.routing.CatchUp;
import io.gatehouse.contract.routing.CursorList;
import io.gatehouse.contract.routing.CursorQuery;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.DeliveryBatch;
import io.gatehouse.contract.routing.Published;
import io.gatehouse.contract.routing.RangeStart;
import io.gatehouse.contract.routing.TopicKind;
import io.gatehouse.contract.routing.TopicRef;
import io.gatehouse.persistence.TestDatabase;
import io.gatehouse.routing.RoutingClient;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.stream.LongStream;

import static io.gatehouse.routing.RoutingClient.newUser;
import static io.gatehouse.routing.RoutingClient.refused;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class PendingDeliveryTest {

  private RoutingClient bus;
  private final String alice = newUser();
  private final String bob = newUser();
  private final String carol = newUser();
  private TopicRef lobby;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    bus = new RoutingClient(vertx);
    JsonObject config = RoutingClient.nodeConfig(TestDatabase.fresh("pending"), new JsonObject())
      .put("pending", new JsonObject().put("maxCatchUp", 50));
    RoutingClient.deploy(vertx, config, 1)
      .compose(id -> vertx.deployVerticle(PendingDeliveryVerticle.class, new DeploymentOptions().setConfig(config)))
      .compose(id -> bus.create(alice, "lobby", false)).onSuccess(topic -> lobby = topic)
      .compose(topic -> bus.subscribe(bob, "lobby"))
      .compose(topic -> publish(alice, "lobby", 5))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("catch-up returns exactly the unacked messages in order, marked pending, and nothing once acked")
  void catchUpReturnsUnackedMessagesInOrder(VertxTestContext ctx) {
    catchUp(bob, List.of(lobby.topicId()), 0)
      .compose(first -> ack(bob, lobby.topicId(), 2).map(first))
      .compose(first -> catchUp(bob, List.of(lobby.topicId()), 0).map(second -> {
        ctx.verify(() -> {
          assertThat(first.deliveries()).extracting(Delivery::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
          assertThat(second.deliveries()).extracting(Delivery::seq).containsExactly(3L, 4L, 5L);
          assertThat(second.deliveries()).extracting(Delivery::content).containsExactly("m3", "m4", "m5");
          assertThat(second.deliveries()).allSatisfy(delivery -> assertThat(delivery.pending()).isTrue());
          assertThat(second.more()).isFalse();
        });
        return second;
      }))
      .compose(second -> ack(bob, lobby.topicId(), 5))
      .compose(acked -> catchUp(bob, List.of(lobby.topicId()), 0))
      .onComplete(ctx.succeeding(last -> ctx.verify(() -> {
        assertThat(last.deliveries()).isEmpty();
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("a catch-up is cut at its limit with more set, and the service caps the limit")
  void catchUpIsLimited(VertxTestContext ctx) {
    catchUp(bob, List.of(lobby.topicId()), 2)
      .compose(cut -> publish(alice, "lobby", 60).compose(v -> catchUp(bob, List.of(lobby.topicId()), 1000))
        .map(capped -> {
          ctx.verify(() -> {
            assertThat(cut.deliveries()).extracting(Delivery::seq).containsExactly(1L, 2L);
            assertThat(cut.more()).isTrue();
            assertThat(capped.deliveries()).hasSize(50);
            assertThat(capped.more()).isTrue();
          });
          return capped;
        }))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("acks are cumulative, and a cursor never moves backwards, even with acks racing in one batch")
  void acksAreCumulativeAndMonotonic(VertxTestContext ctx) {
    ack(bob, lobby.topicId(), 4)
      .compose(four -> ack(bob, lobby.topicId(), 2).map(two -> {
        ctx.verify(() -> {
          assertThat(four.cursor()).isEqualTo(4);
          assertThat(two.cursor()).isEqualTo(4);
        });
        return two;
      }))
      .compose(v -> Future.all(LongStream.rangeClosed(1, 30).mapToObj(seq -> ack(bob, lobby.topicId(), seq)).toList()))
      .compose(all -> cursors(bob).map(list -> {
        ctx.verify(() -> {
          List<Acked> replies = all.list();
          assertThat(replies).allSatisfy(acked -> assertThat(acked.cursor()).isGreaterThanOrEqualTo(4));
          assertThat(replies.get(29).cursor()).isEqualTo(30);
          assertThat(list.cursors()).containsExactly(new RangeStart(lobby.topicId(), 30));
        });
        return list;
      }))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("one user can neither see nor move another user's cursors or pending messages")
  void cursorsArePrivate(VertxTestContext ctx) {
    ack(bob, lobby.topicId(), 3)
      .compose(acked -> ack(alice, lobby.topicId(), 1))
      .compose(acked -> cursors(carol).compose(carols -> catchUp(carol, List.of(lobby.topicId()), 0)
        .compose(carolsPending -> cursors(bob).compose(bobs -> catchUp(bob, List.of(lobby.topicId()), 0)
          .map(bobsPending -> {
            ctx.verify(() -> {
              assertThat(carols.cursors()).isEmpty();
              assertThat(carolsPending.deliveries()).isEmpty();
              assertThat(bobs.cursors()).containsExactly(new RangeStart(lobby.topicId(), 3));
              assertThat(bobsPending.deliveries()).extracting(Delivery::seq).containsExactly(4L, 5L);
            });
            return bobsPending;
          })))))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a direct message sent while its recipient was away is pending in their inbox until acked")
  void directMessageWaitsInInbox(VertxTestContext ctx) {
    bus.direct(alice, carol, "while you were out")
      .compose(published -> bus.memberships(carol)
        .compose(topics -> catchUp(carol, topics.topics().stream().map(TopicRef::topicId).toList(), 0))
        .compose(pending -> {
          ctx.verify(() -> assertThat(pending.deliveries()).singleElement().satisfies(delivery -> {
            assertThat(delivery.kind()).isEqualTo(TopicKind.INBOX);
            assertThat(delivery.messageId()).isEqualTo(published.messageId());
            assertThat(delivery.pending()).isTrue();
          }));
          return bus.locate(carol, published.messageId());
        })
        .compose(position -> ack(carol, position.topicId(), position.seq()))
        .compose(acked -> catchUp(carol, List.of(published.topicId()), 0)))
      .onComplete(ctx.succeeding(after -> ctx.verify(() -> {
        assertThat(after.deliveries()).isEmpty();
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("malformed acks and catch-ups are refused as invalid")
  void malformedRequestsAreRefused(VertxTestContext ctx) {
    refused(ack(bob, lobby.topicId(), -1), FailureCode.BAD_REQUEST, "invalid_request")
      .compose(v -> refused(ack("bob", lobby.topicId(), 1), FailureCode.BAD_REQUEST, "invalid_request"))
      .compose(v -> refused(catchUp("bob", List.of(lobby.topicId()), 0), FailureCode.BAD_REQUEST, "invalid_request"))
      .compose(v -> refused(cursors(null), FailureCode.BAD_REQUEST, "invalid_request"))
      .onComplete(ctx.succeedingThenComplete());
  }

  private Future<Void> publish(String sender, String topic, int count) {
    Future<Published> chain = Future.succeededFuture();
    for (int i = 1; i <= count; i++) {
      String content = "m" + i;
      chain = chain.compose(previous -> bus.publish(sender, topic, content));
    }
    return chain.mapEmpty();
  }

  private Future<DeliveryBatch> catchUp(String userId, List<Long> topicIds, int limit) {
    return bus.request(Addresses.Pending.CATCH_UP, new CatchUp(userId, topicIds, limit));
  }

  private Future<Acked> ack(String userId, long topicId, long seq) {
    return bus.request(Addresses.Pending.ACK, new Ack(userId, topicId, seq));
  }

  private Future<CursorList> cursors(String userId) {
    return bus.request(Addresses.Pending.CURSORS, new CursorQuery(userId));
  }
}
