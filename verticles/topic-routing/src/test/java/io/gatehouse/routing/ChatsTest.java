package io.gatehouse.routing;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.routing.ChatHistory;
import io.gatehouse.contract.routing.ChatList;
import io.gatehouse.contract.routing.ChatRef;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.DeliveryBatch;
import io.gatehouse.contract.routing.OpenChat;
import io.gatehouse.contract.routing.TopicKind;
import io.gatehouse.contract.routing.UserRef;
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

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static io.gatehouse.routing.RoutingClient.newUser;
import static io.gatehouse.routing.RoutingClient.refused;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
@DisplayName("chats: one two-member CHAT topic per pair, its history newest first, members only")
class ChatsTest {

  private RoutingClient routing;
  private final String alice = newUser();
  private final String bob = newUser();
  private final String carol = newUser();

  @BeforeEach
  void deploy(Vertx vertx, VertxTestContext ctx) {
    routing = new RoutingClient(vertx);
    JsonObject config = RoutingClient.nodeConfig(TestDatabase.fresh("chats"), new JsonObject());
    RoutingClient.deploy(vertx, config, 2).onComplete(ctx.succeedingThenComplete());
  }

  private Future<ChatRef> open(String user, String peer) {
    return routing.request(Addresses.Routing.OPEN_CHAT, new OpenChat(user, peer));
  }

  private Future<DeliveryBatch> history(String user, String chatId, int pageSize, long beforeSeq) {
    return routing.request(Addresses.Routing.CHAT_HISTORY, new ChatHistory(user, chatId, pageSize, beforeSeq));
  }

  @Test
  @DisplayName("opening a chat twice, from either side, gives the same chat; both users are its only members")
  void openIsIdempotentFromEitherSide(VertxTestContext ctx) {
    open(alice, bob).compose(first -> open(bob, alice).compose(second -> open(alice, bob)).compose(third ->
        routing.memberships(bob).compose(bobs -> routing.<ChatList>request(Addresses.Routing.CHAT_LIST, new UserRef(alice))
          .map(list -> {
            ctx.verify(() -> {
              assertThat(first.created()).isTrue();
              assertThat(third.created()).isFalse();
              assertThat(third.chatId()).isEqualTo(first.chatId());
              assertThat(third.topicId()).isEqualTo(first.topicId());
              assertThat(bobs.topics()).contains(first.topic());
              assertThat(first.topic().kind()).isEqualTo(TopicKind.CHAT);
              assertThat(list.chats()).extracting(ChatRef::chatId).containsExactly(first.chatId());
            });
            return list;
          }))))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("forty concurrent opens of one pair over two instances create exactly one chat")
  void concurrentOpensCreateOneChat(VertxTestContext ctx) {
    List<Future<ChatRef>> opens = new ArrayList<>();
    IntStream.range(0, 40).forEach(i -> opens.add(i % 2 == 0 ? open(alice, bob) : open(bob, alice)));
    Future.all(opens).compose(all -> routing.memberships(alice)).onComplete(ctx.succeeding(topics -> ctx.verify(() -> {
      assertThat(opens.stream().map(f -> f.result().chatId()).distinct()).hasSize(1);
      assertThat(opens.stream().filter(f -> f.result().created())).hasSize(1);
      assertThat(topics.topics().stream().filter(t -> t.kind() == TopicKind.CHAT)).hasSize(1);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a chat with oneself or with a malformed id is refused as invalid")
  void invalidPairsAreRefused(VertxTestContext ctx) {
    refused(open(alice, alice), FailureCode.BAD_REQUEST, "invalid_request")
      .compose(v -> refused(open(alice, "bob"), FailureCode.BAD_REQUEST, "invalid_request"))
      .compose(v -> refused(open(null, bob), FailureCode.BAD_REQUEST, "invalid_request"))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("history pages newest first with a paging state that later messages do not shift")
  void historyPagesNewestFirst(VertxTestContext ctx) {
    open(alice, bob).compose(chat -> sendAll(chat, 5)
        .compose(v -> history(bob, chat.chatId(), 2, 0))
        .compose(first -> routing.publish(alice, ChatRef.topicName(chat.chatId()), "late").map(first))
        .compose(first -> history(bob, chat.chatId(), 2, last(first)).compose(second ->
          history(alice, chat.chatId(), 2, last(second)).map(third -> {
            ctx.verify(() -> {
              assertThat(contents(first)).containsExactly("m4", "m3");
              assertThat(first.more()).isTrue();
              assertThat(contents(second)).containsExactly("m2", "m1");
              assertThat(contents(third)).containsExactly("m0");
              assertThat(third.more()).isFalse();
            });
            return third;
          }))))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("a third user can neither publish into nor read a chat; an unknown chat id is not found")
  void thirdUserIsShutOut(VertxTestContext ctx) {
    open(alice, bob).compose(chat -> refused(routing.publish(carol, ChatRef.topicName(chat.chatId()), "hi"),
          FailureCode.NOT_FOUND, "not_found")
        .compose(v -> refused(history(carol, chat.chatId(), 10, 0), FailureCode.NOT_FOUND, "not_found"))
        .compose(v -> refused(history(alice, "7d0c2b8e-9d4a-4c1e-8b7a-2f6d5e4c3b2a", 10, 0), FailureCode.NOT_FOUND,
          "not_found"))
        .compose(v -> refused(history(alice, "nonsense", 10, 0), FailureCode.NOT_FOUND, "not_found"))
        .compose(v -> history(alice, chat.chatId(), 10, 0)))
      .onComplete(ctx.succeeding(empty -> ctx.verify(() -> {
        assertThat(empty.deliveries()).isEmpty();
        ctx.completeNow();
      })));
  }

  private Future<Void> sendAll(ChatRef chat, int count) {
    Future<Void> chain = Future.succeededFuture();
    for (int i = 0; i < count; i++) {
      String content = "m" + i;
      String sender = i % 2 == 0 ? alice : bob;
      chain = chain.compose(v -> routing.publish(sender, ChatRef.topicName(chat.chatId()), content).mapEmpty());
    }
    return chain;
  }

  private static long last(DeliveryBatch page) {
    return page.deliveries().get(page.deliveries().size() - 1).seq();
  }

  private static List<String> contents(DeliveryBatch page) {
    return page.deliveries().stream().map(Delivery::content).toList();
  }
}
