package io.gatehouse.routing;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.routing.TopicKind;
import io.gatehouse.contract.routing.TopicRef;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static io.gatehouse.routing.RoutingClient.newUser;
import static io.gatehouse.routing.RoutingClient.refused;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class TopicMembershipTest {

  private RoutingClient routing;
  private final String alice = newUser();
  private final String bob = newUser();
  private final String carol = newUser();

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    routing = new RoutingClient(vertx);
    JsonObject config = RoutingClient.nodeConfig(TestDatabase.fresh("routing"), new JsonObject());
    RoutingClient.deploy(vertx, config, 1).onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("creating a topic makes the creator its first member; the name can be taken only once")
  void createdTopicHasItsCreatorAsMember(VertxTestContext ctx) {
    routing.create(alice, "café ☕", true)
      .compose(topic -> refused(routing.create(bob, "café ☕", false), FailureCode.CONFLICT, "already_exists")
        .map(topic))
      .compose(topic -> routing.memberships(alice).map(list -> {
        ctx.verify(() -> {
          assertThat(topic.name()).isEqualTo("café ☕");
          assertThat(topic.kind()).isEqualTo(TopicKind.PRIVATE);
          assertThat(list.topics()).contains(topic);
        });
        return list;
      }))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("blank, overlong, control-character and '@' names are refused as invalid")
  void invalidNamesAreRefused(VertxTestContext ctx) {
    refused(routing.create(alice, "  ", false), FailureCode.BAD_REQUEST, "invalid_request")
      .compose(v -> refused(routing.create(alice, "x".repeat(129), false), FailureCode.BAD_REQUEST, "invalid_request"))
      .compose(v -> refused(routing.create(alice, "tab\there", false), FailureCode.BAD_REQUEST, "invalid_request"))
      .compose(v -> refused(routing.create(alice, "@inbox", false), FailureCode.BAD_REQUEST, "invalid_request"))
      .compose(v -> refused(routing.create(alice, null, false), FailureCode.BAD_REQUEST, "invalid_request"))
      .compose(v -> refused(routing.create("not-a-uuid", "fine", false), FailureCode.BAD_REQUEST, "invalid_request"))
      .compose(v -> routing.create(alice, "x".repeat(128), false))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("anyone may subscribe to a public topic once, and leave it once")
  void publicTopicSubscription(VertxTestContext ctx) {
    routing.create(alice, "lobby", false)
      .compose(topic -> routing.subscribe(bob, "lobby"))
      .compose(topic -> refused(routing.subscribe(bob, "lobby"), FailureCode.CONFLICT, "already_member"))
      .compose(v -> refused(routing.subscribe(alice, "lobby"), FailureCode.CONFLICT, "already_member"))
      .compose(v -> routing.unsubscribe(bob, "lobby"))
      .compose(topic -> refused(routing.unsubscribe(bob, "lobby"), FailureCode.CONFLICT, "not_member"))
      .compose(v -> routing.subscribe(bob, "lobby"))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a private topic looks exactly like an unknown one to non-members")
  void privateTopicIsInvisibleToNonMembers(VertxTestContext ctx) {
    routing.create(alice, "secret", true)
      .compose(topic -> refused(routing.subscribe(bob, "secret"), FailureCode.NOT_FOUND, "not_found"))
      .compose(v -> refused(routing.subscribe(bob, "no such topic"), FailureCode.NOT_FOUND, "not_found"))
      .compose(v -> refused(routing.unsubscribe(bob, "secret"), FailureCode.NOT_FOUND, "not_found"))
      .compose(v -> refused(routing.invite(bob, "secret", carol), FailureCode.NOT_FOUND, "not_found"))
      .compose(v -> refused(routing.subscribe(alice, "secret"), FailureCode.CONFLICT, "already_member"))
      .compose(v -> routing.memberships(bob))
      .onComplete(ctx.succeeding(list -> ctx.verify(() -> {
        assertThat(list.topics()).extracting(TopicRef::name).doesNotContain("secret");
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("members invite others into a private topic; a member cannot be invited twice")
  void membersInviteIntoPrivateTopics(VertxTestContext ctx) {
    routing.create(alice, "club", true)
      .compose(topic -> routing.invite(alice, "club", bob))
      .compose(topic -> routing.invite(bob, "club", carol))
      .compose(topic -> refused(routing.invite(alice, "club", carol), FailureCode.CONFLICT, "already_member"))
      .compose(v -> refused(routing.invite(carol, "club", alice), FailureCode.CONFLICT, "already_member"))
      .compose(v -> routing.unsubscribe(carol, "club"))
      .compose(topic -> refused(routing.unsubscribe(carol, "club"), FailureCode.NOT_FOUND, "not_found"))
      .compose(v -> routing.memberships(bob))
      .onComplete(ctx.succeeding(list -> ctx.verify(() -> {
        assertThat(list.topics()).extracting(TopicRef::name).contains("club");
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("only members invite into a public topic, and an invitation there simply subscribes the invitee")
  void invitingIntoPublicTopic(VertxTestContext ctx) {
    routing.create(alice, "square", false)
      .compose(topic -> refused(routing.invite(bob, "square", carol), FailureCode.FORBIDDEN, "forbidden"))
      .compose(v -> routing.invite(alice, "square", bob))
      .compose(topic -> refused(routing.subscribe(bob, "square"), FailureCode.CONFLICT, "already_member"))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("every user has an inbox, created on first listing, which they cannot leave and nobody can join")
  void inboxIsPersonal(VertxTestContext ctx) {
    routing.memberships(alice)
      .compose(first -> routing.memberships(alice).map(second -> {
        ctx.verify(() -> {
          assertThat(first.topics()).hasSize(1).isEqualTo(second.topics());
          assertThat(first.topics().get(0).kind()).isEqualTo(TopicKind.INBOX);
        });
        return first.topics().get(0).name();
      }))
      .compose(inbox -> refused(routing.unsubscribe(alice, inbox), FailureCode.FORBIDDEN, "forbidden")
        .compose(v -> refused(routing.subscribe(bob, inbox), FailureCode.NOT_FOUND, "not_found"))
        .compose(v -> refused(routing.invite(alice, inbox, bob), FailureCode.FORBIDDEN, "forbidden"))
        .compose(v -> refused(routing.invite(bob, inbox, bob), FailureCode.NOT_FOUND, "not_found")))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("memberships list a user's topics by id, inbox included, and nobody else's")
  void membershipsListOwnTopics(VertxTestContext ctx) {
    routing.create(alice, "one", false)
      .compose(topic -> routing.create(bob, "two", true))
      .compose(topic -> routing.create(bob, "three", false))
      .compose(topic -> routing.subscribe(alice, "three"))
      .compose(topic -> routing.memberships(alice))
      .onComplete(ctx.succeeding(list -> ctx.verify(() -> {
        assertThat(list.topics()).extracting(TopicRef::kind)
          .containsExactlyInAnyOrder(TopicKind.PUBLIC, TopicKind.PUBLIC, TopicKind.INBOX);
        assertThat(list.topics()).extracting(TopicRef::name).contains("one", "three").doesNotContain("two");
        assertThat(list.topics()).extracting(TopicRef::topicId).isSorted();
        ctx.completeNow();
      })));
  }
}
