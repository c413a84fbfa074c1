package io.gatehouse.routing;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.Published;
import io.gatehouse.contract.routing.RangeStart;
import io.gatehouse.contract.routing.TopicRef;
import io.gatehouse.persistence.TestDatabase;
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
import java.util.UUID;

import static io.gatehouse.routing.RoutingClient.newUser;
import static io.gatehouse.routing.RoutingClient.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

@ExtendWith(VertxExtension.class)
class LogReadTest {

  private RoutingClient routing;
  private final String alice = newUser();
  private final String bob = newUser();
  private TopicRef red;
  private TopicRef blue;

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    routing = new RoutingClient(vertx);
    JsonObject config = RoutingClient.nodeConfig(TestDatabase.fresh("routing"), new JsonObject());
    RoutingClient.deploy(vertx, config, 1)
      .compose(id -> routing.create(alice, "red", false)).onSuccess(topic -> red = topic)
      .compose(topic -> routing.create(alice, "blue", true)).onSuccess(topic -> blue = topic)
      .compose(topic -> publishInOrder(alice, "red", 3))
      .compose(v -> publishInOrder(alice, "blue", 2))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a range read returns what follows each start, by topic then seq, cut at the limit with more set")
  void rangeIsOrderedAndLimited(VertxTestContext ctx) {
    List<RangeStart> starts = List.of(new RangeStart(blue.topicId(), 0), new RangeStart(red.topicId(), 1));
    routing.readRange(alice, starts, 10)
      .compose(all -> routing.readRange(alice, starts, 3).map(cut -> {
        ctx.verify(() -> {
          assertThat(all.deliveries()).extracting(Delivery::topicName, Delivery::seq, Delivery::content).containsExactly(
            tuple("red", 2L, "red-2"), tuple("red", 3L, "red-3"), tuple("blue", 1L, "blue-1"), tuple("blue", 2L, "blue-2"));
          assertThat(all.more()).isFalse();
          assertThat(cut.deliveries()).extracting(Delivery::seq).containsExactly(2L, 3L, 1L);
          assertThat(cut.more()).isTrue();
        });
        return cut;
      }))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a range read skips topics the reader is not a member of, and messages from before they joined")
  void rangeShowsOnlyWhatTheReaderMaySee(VertxTestContext ctx) {
    List<RangeStart> starts = List.of(new RangeStart(red.topicId(), 0), new RangeStart(blue.topicId(), 0));
    routing.subscribe(bob, "red")
      .compose(topic -> routing.publish(alice, "red", "after bob joined"))
      .compose(published -> routing.readRange(bob, starts, 10))
      .onComplete(ctx.succeeding(batch -> ctx.verify(() -> {
        assertThat(batch.deliveries()).extracting(Delivery::content).containsExactly("after bob joined");
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("a member can locate a message; anyone else is told it does not exist")
  void locateIsForMembersOnly(VertxTestContext ctx) {
    routing.publish(alice, "blue", "where am I")
      .compose(published -> routing.locate(alice, published.messageId()).map(position -> {
        ctx.verify(() -> {
          assertThat(position.topicId()).isEqualTo(blue.topicId());
          assertThat(position.seq()).isEqualTo(3);
        });
        return published;
      }))
      .compose(published -> refused(routing.locate(bob, published.messageId()), FailureCode.NOT_FOUND, "not_found"))
      .compose(v -> refused(routing.locate(alice, UUID.randomUUID().toString()), FailureCode.NOT_FOUND, "not_found"))
      .compose(v -> refused(routing.locate(alice, "not-an-id"), FailureCode.NOT_FOUND, "not_found"))
      .compose(v -> routing.direct(alice, bob, "for bob"))
      .compose(published -> refused(routing.locate(alice, published.messageId()), FailureCode.NOT_FOUND, "not_found")
        .compose(v -> routing.locate(bob, published.messageId())))
      .onComplete(ctx.succeeding(position -> ctx.verify(() -> {
        assertThat(position.seq()).isEqualTo(1);
        ctx.completeNow();
      })));
  }

  private Future<Published> publishInOrder(String sender, String topic, int count) {
    Future<Published> chain = Future.succeededFuture();
    for (int i = 1; i <= count; i++) {
      String content = topic + "-" + i;
      chain = chain.compose(previous -> routing.publish(sender, topic, content));
    }
    return chain;
  }
}
