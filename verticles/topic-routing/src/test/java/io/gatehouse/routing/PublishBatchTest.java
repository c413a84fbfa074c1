package io.gatehouse.routing;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.routing.Publish;
import io.gatehouse.contract.routing.PublishBatch;
import io.gatehouse.contract.routing.Published;
import io.gatehouse.contract.routing.PublishedBatch;
import io.gatehouse.contract.routing.PublishedBatch.Outcome;
import io.gatehouse.persistence.DatabaseOptions;
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
import java.util.stream.IntStream;

import static io.gatehouse.routing.RoutingClient.newUser;
import static io.gatehouse.routing.RoutingClient.refused;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
@DisplayName("A batch of one connection's publishes")
class PublishBatchTest {

  /** Burst twice that: 20 messages in a fresh bucket. */
  private static final int MESSAGES_PER_SECOND = 10;

  private RoutingClient routing;
  private final String alice = newUser();
  private final String bob = newUser();

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    routing = new RoutingClient(vertx);
    DatabaseOptions db = TestDatabase.fresh("routing");
    JsonObject config = RoutingClient.nodeConfig(db, new JsonObject().put("maxContentChars", 100)
      .put("userMessagesPerSecond", MESSAGES_PER_SECOND).put("maxBatch", 4));
    RoutingClient.deploy(vertx, config, 1)
      .compose(id -> routing.create(alice, "lobby", false))
      .compose(topic -> routing.create(bob, "other", false))
      .onComplete(ctx.succeedingThenComplete());
  }

  private static Publish message(String sender, String topic, String content) {
    return Publish.toTopic(sender, "name", topic, content);
  }

  private Future<PublishedBatch> batch(List<Publish> publishes) {
    return routing.request(Addresses.Routing.PUBLISH_BATCH, new PublishBatch(publishes));
  }

  @Test
  @DisplayName("entries are committed in their order, across transactions of routing.maxBatch, each answered")
  void committedInOrder(VertxTestContext ctx) {
    List<Publish> publishes = IntStream.rangeClosed(1, 10).mapToObj(n -> message(alice, "lobby", "m" + n)).toList();
    batch(publishes).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      assertThat(reply.deferred()).isZero();
      assertThat(reply.retryAfterMs()).isZero();
      assertThat(reply.outcomes()).extracting(outcome -> outcome.published().seq())
        .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("the sender's quota admits what its bucket holds; the rest is deferred with a wait, not refused")
  void quotaDefersTheRest(VertxTestContext ctx) {
    List<Publish> publishes = IntStream.rangeClosed(1, 25).mapToObj(n -> message(alice, "lobby", "m" + n)).toList();
    batch(publishes).onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
      assertThat(reply.outcomes()).hasSize(2 * MESSAGES_PER_SECOND);
      assertThat(reply.outcomes()).allSatisfy(outcome -> assertThat(outcome.published()).isNotNull());
      assertThat(reply.deferred()).isEqualTo(5);
      // five messages at ten a second
      assertThat(reply.retryAfterMs()).isBetween(1L, 500L);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a deferred entry sent again after the wait is committed next in its topic")
  void deferredEntryGoesAfterTheWait(Vertx vertx, VertxTestContext ctx) {
    List<Publish> publishes = IntStream.rangeClosed(1, 21).mapToObj(n -> message(alice, "lobby", "m" + n)).toList();
    batch(publishes).compose(first -> {
      assertThat(first.deferred()).isEqualTo(1);
      return vertx.timer(first.retryAfterMs()).compose(t -> batch(publishes.subList(20, 21)));
    }).onComplete(ctx.succeeding(second -> ctx.verify(() -> {
      assertThat(second.deferred()).isZero();
      assertThat(second.outcomes().get(0).published().seq()).isEqualTo(21);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("an entry refused (not a member, too long) fails alone; the entries around it are committed")
  void refusedEntryFailsAlone(VertxTestContext ctx) {
    batch(List.of(message(alice, "lobby", "one"), message(alice, "other", "not mine"),
      message(alice, "lobby", "x".repeat(101)), message(alice, "lobby", "two")))
      .onComplete(ctx.succeeding(reply -> ctx.verify(() -> {
        List<Outcome> outcomes = reply.outcomes();
        assertThat(outcomes.get(0).published().seq()).isEqualTo(1);
        assertThat(outcomes.get(1).code()).isEqualTo(FailureCode.FORBIDDEN);
        assertThat(outcomes.get(1).reason()).isEqualTo("not_member");
        assertThat(outcomes.get(2).code()).isEqualTo(FailureCode.BAD_REQUEST);
        assertThat(outcomes.get(3).published().seq()).isEqualTo(2);
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("an empty batch, one of two senders or one over the size limit is refused as invalid")
  void malformedBatchesAreRefused(VertxTestContext ctx) {
    List<Publish> tooMany = IntStream.rangeClosed(0, PublishBatch.MAX_ENTRIES)
      .mapToObj(n -> message(alice, "lobby", "m")).toList();
    refused(batch(List.of()), FailureCode.BAD_REQUEST, "invalid_request")
      .compose(v -> refused(batch(List.of(message(alice, "lobby", "a"), message(bob, "lobby", "b"))),
        FailureCode.BAD_REQUEST, "invalid_request"))
      .compose(v -> refused(batch(tooMany), FailureCode.BAD_REQUEST, "invalid_request"))
      .compose(v -> routing.publish(alice, "lobby", "still first"))
      .onComplete(ctx.succeeding(published -> ctx.verify(() -> {
        assertThat(published.seq()).as("nothing of the refused batches was appended").isEqualTo(1);
        ctx.completeNow();
      })));
  }
}
