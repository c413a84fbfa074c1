package io.gatehouse.routing;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.Publish;
import io.gatehouse.contract.routing.Published;
import io.gatehouse.contract.routing.RangeStart;
import io.gatehouse.contract.routing.TopicKind;
import io.gatehouse.contract.routing.TopicRef;
import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Checkpoint;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static io.gatehouse.routing.RoutingClient.newUser;
import static io.gatehouse.routing.RoutingClient.refused;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class PublishTest {

  private static final int MAX_CONTENT = 100;

  private RoutingClient routing;
  private Pool database;
  private final String alice = newUser();
  private final String bob = newUser();
  private final String carol = newUser();

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    routing = new RoutingClient(vertx);
    DatabaseOptions db = TestDatabase.fresh("routing");
    database = PgBuilder.pool().connectingTo(db.connectOptions()).using(vertx).build();
    JsonObject config = RoutingClient.nodeConfig(db, new JsonObject().put("maxContentChars", MAX_CONTENT));
    RoutingClient.deploy(vertx, config, 1)
      .compose(id -> routing.create(alice, "lobby", false))
      .compose(topic -> routing.subscribe(bob, "lobby"))
      .compose(topic -> routing.create(alice, "secret", true))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a member's message gets a time-ordered UUIDv7 id and the next sequence number of its topic")
  void membersMessagesAreNumberedInOrder(VertxTestContext ctx) {
    long before = System.currentTimeMillis();
    routing.publish(alice, "lobby", "one")
      .compose(first -> routing.publish(bob, "lobby", "two").map(second -> List.of(first, second)))
      .onComplete(ctx.succeeding(published -> ctx.verify(() -> {
        assertThat(published).extracting(Published::seq).containsExactly(1L, 2L);
        assertThat(published.get(0).topicId()).isEqualTo(published.get(1).topicId());
        UUID first = UUID.fromString(published.get(0).messageId());
        UUID second = UUID.fromString(published.get(1).messageId());
        assertThat(first.version()).isEqualTo(7);
        assertThat(second.version()).isEqualTo(7);
        assertThat(first.toString().compareTo(second.toString())).as("later ids sort after earlier ones").isNegative();
        assertThat(published.get(0).sentAt()).isBetween(before, System.currentTimeMillis());
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("non-members cannot publish; a private topic answers them as if it did not exist")
  void nonMembersCannotPublish(VertxTestContext ctx) {
    refused(routing.publish(carol, "lobby", "hi"), FailureCode.FORBIDDEN, "not_member")
      .compose(v -> refused(routing.publish(bob, "secret", "hi"), FailureCode.NOT_FOUND, "not_found"))
      .compose(v -> refused(routing.publish(bob, "nowhere", "hi"), FailureCode.NOT_FOUND, "not_found"))
      .compose(v -> routing.publish(alice, "secret", "members only"))
      .onComplete(ctx.succeeding(published -> ctx.verify(() -> {
        assertThat(published.seq()).isEqualTo(1);
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("content over the configured limit, NUL characters, two targets or none are refused as invalid")
  void malformedPublishesAreRefused(VertxTestContext ctx) {
    refused(routing.publish(alice, "lobby", "x".repeat(MAX_CONTENT + 1)), FailureCode.BAD_REQUEST, "invalid_request")
      .compose(v -> refused(routing.publish(alice, "lobby", "a\0b"), FailureCode.BAD_REQUEST, "invalid_request"))
      .compose(v -> refused(routing.publish("nobody", "lobby", "hi"), FailureCode.BAD_REQUEST, "invalid_request"))
      .compose(v -> refused(routing.request(Addresses.Routing.PUBLISH, new Publish(alice, "A", "lobby", bob, "hi")),
        FailureCode.BAD_REQUEST, "invalid_request"))
      .compose(v -> refused(routing.request(Addresses.Routing.PUBLISH, new Publish(alice, "A", null, null, "hi")),
        FailureCode.BAD_REQUEST, "invalid_request"))
      .compose(v -> routing.publish(alice, "lobby", "x".repeat(MAX_CONTENT)))
      .onComplete(ctx.succeeding(published -> ctx.verify(() -> {
        assertThat(published.seq()).isEqualTo(1);
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("a direct message lands in the recipient's inbox, which the sender neither joins nor reads")
  void directMessageGoesToRecipientsInbox(VertxTestContext ctx) {
    routing.direct(alice, carol, "psst")
      .compose(published -> routing.memberships(carol).compose(carols -> routing.memberships(alice).map(alices -> {
        TopicRef inbox = carols.topics().get(0);
        ctx.verify(() -> {
          assertThat(inbox.kind()).isEqualTo(TopicKind.INBOX);
          assertThat(inbox.topicId()).isEqualTo(published.topicId());
          assertThat(alices.topics()).extracting(TopicRef::topicId).doesNotContain(inbox.topicId());
        });
        return inbox;
      })))
      .compose(inbox -> routing.readRange(carol, List.of(new RangeStart(inbox.topicId(), 0)), 10)
        .compose(carolReads -> routing.readRange(alice, List.of(new RangeStart(inbox.topicId(), 0)), 10)
          .map(aliceReads -> {
            ctx.verify(() -> {
              assertThat(carolReads.deliveries()).singleElement().satisfies(delivery -> {
                assertThat(delivery.content()).isEqualTo("psst");
                assertThat(delivery.senderId()).isEqualTo(alice);
                assertThat(delivery.kind()).isEqualTo(TopicKind.INBOX);
                assertThat(delivery.seq()).isEqualTo(1);
              });
              assertThat(aliceReads.deliveries()).isEmpty();
            });
            return aliceReads;
          })))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("direct messages to a user who has never connected create their inbox once, even when concurrent")
  void concurrentFirstDirectMessagesShareOneInbox(VertxTestContext ctx) {
    String stranger = newUser();
    Future.all(IntStream.range(0, 20).mapToObj(i -> routing.direct(i % 2 == 0 ? alice : bob, stranger, "m" + i))
        .toList())
      .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
        List<Published> published = all.list();
        assertThat(published).extracting(Published::topicId).containsOnly(published.get(0).topicId());
        assertThat(published).extracting(Published::seq).containsExactlyInAnyOrderElementsOf(
          LongStream.rangeClosed(1, 20).boxed().toList());
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("the reply comes only when the row is readable, and the delivery only after that")
  void replyAndDeliveryFollowTheCommit(Vertx vertx, VertxTestContext ctx) {
    int count = 30;
    Checkpoint deliveriesChecked = ctx.checkpoint(count);
    Checkpoint repliesChecked = ctx.checkpoint(count);
    routing.memberships(alice).map(list -> list.topics().stream().filter(t -> t.name().equals("lobby")).findFirst()
        .orElseThrow())
      .compose(lobby -> vertx.eventBus().<Delivery>consumer(Addresses.Delivery.topic(lobby.topicId()),
          message -> storedSeq(message.body().messageId()).onComplete(ctx.succeeding(seq -> ctx.verify(() -> {
            assertThat(seq).isEqualTo(message.body().seq());
            deliveriesChecked.flag();
          }))))
        .completion())
      .onComplete(ctx.succeeding(registered -> IntStream.range(0, count).forEach(i ->
        routing.publish(i % 2 == 0 ? alice : bob, "lobby", "m" + i)
          .compose(published -> storedSeq(published.messageId()).map(seq -> seq == published.seq()))
          .onComplete(ctx.succeeding(stored -> ctx.verify(() -> {
            assertThat(stored).isTrue();
            repliesChecked.flag();
          }))))));
  }

  @Test
  @DisplayName("a consumer on a topic's delivery address sees its messages once each, in sequence order")
  void deliveriesArriveInSequenceOrder(Vertx vertx, VertxTestContext ctx) {
    int count = 200;
    List<Delivery> received = new CopyOnWriteArrayList<>();
    routing.memberships(bob).map(list -> list.topics().stream().filter(t -> t.name().equals("lobby")).findFirst()
        .orElseThrow())
      .compose(lobby -> vertx.eventBus().<Delivery>consumer(Addresses.Delivery.topic(lobby.topicId()), message -> {
        received.add(message.body());
        if (received.size() == count) {
          ctx.verify(() -> {
            assertThat(received).extracting(Delivery::seq).containsExactlyElementsOf(
              LongStream.rangeClosed(1, count).boxed().toList());
            assertThat(received).allSatisfy(delivery -> {
              assertThat(delivery.topicName()).isEqualTo("lobby");
              assertThat(delivery.kind()).isEqualTo(TopicKind.PUBLIC);
              assertThat(delivery.pending()).isFalse();
            });
            ctx.completeNow();
          });
        }
      }).completion())
      .onComplete(ctx.succeeding(registered -> IntStream.range(0, count)
        .forEach(i -> routing.publish(i % 2 == 0 ? alice : bob, "lobby", "m" + i).onFailure(ctx::failNow))));
  }

  @Test
  @DisplayName("a refused publish in a batch leaves the others in it numbered without gaps")
  void refusalsDoNotDisturbTheirBatch(VertxTestContext ctx) {
    List<Future<Published>> accepted = IntStream.range(0, 40).mapToObj(i -> routing.publish(bob, "lobby", "ok" + i))
      .toList();
    List<Future<Void>> refusals = IntStream.range(0, 40).mapToObj(i -> refused(routing.publish(carol, "lobby", "no"),
      FailureCode.FORBIDDEN, "not_member")).toList();
    Future.all(refusals).compose(v -> Future.all(accepted))
      .onComplete(ctx.succeeding(all -> ctx.verify(() -> {
        assertThat(all.<Published>list()).extracting(Published::seq)
          .containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
        ctx.completeNow();
      })));
  }

  private Future<Long> storedSeq(String messageId) {
    return database.preparedQuery("SELECT seq FROM routing.messages WHERE message_id = $1")
      .execute(Tuple.of(UUID.fromString(messageId)))
      .map(rows -> rows.size() == 1 ? rows.iterator().next().getLong(0) : -1L);
  }
}
