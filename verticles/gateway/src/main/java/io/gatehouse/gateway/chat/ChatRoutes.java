package io.gatehouse.gateway.chat;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.auth.Principal;
import io.gatehouse.contract.routing.ChatHistory;
import io.gatehouse.contract.routing.ChatList;
import io.gatehouse.contract.routing.ChatRef;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.DeliveryBatch;
import io.gatehouse.contract.routing.UserRef;
import io.gatehouse.gateway.RequestSchema;
import io.gatehouse.gateway.ServiceBus;
import io.gatehouse.gateway.http.BearerAuth;
import io.gatehouse.gateway.http.HttpReplies;
import io.gatehouse.gateway.http.JsonBodies;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Optional;

/**
 * Seed 003's chat history over REST, for chat members only: {@code GET /users/chat/?user_id=} lists the
 * caller's chat ids; {@code POST /users/chat/{chat_id}} pages a chat newest first. The paging state is the
 * seq of the oldest message returned, so messages sent meanwhile never shift the next page.
 */
public final class ChatRoutes {

  private final ServiceBus services;
  private final ChatOptions options;
  private final RequestSchema historySchema = RequestSchema.load("chat_history");

  public ChatRoutes(ServiceBus services, ChatOptions options) {
    this.services = services;
    this.options = options;
  }

  public void mount(Router router) {
    BearerAuth userAuth = new BearerAuth(services, Principal.Kind.USER);
    router.get("/users/chat").handler(userAuth).handler(this::list);
    router.get("/users/chat/").handler(userAuth).handler(this::list);
    router.post("/users/chat/:chatId").handler(userAuth).handler(this::history);
  }

  private void list(RoutingContext ctx) {
    Principal principal = BearerAuth.principal(ctx);
    String asked = ctx.request().getParam("user_id");
    if (asked != null && !asked.equalsIgnoreCase(principal.subject())) {
      HttpReplies.error(ctx, 403, "forbidden", "Only your own chats can be listed");
      return;
    }
    services.<ChatList>request(Addresses.Routing.CHAT_LIST, new UserRef(principal.subject()))
      .onSuccess(list -> HttpReplies.json(ctx, 200, new JsonObject().put("status", "success")
        .put("chat_ids", new JsonArray(list.chats().stream().map(ChatRef::chatId).toList()))))
      .onFailure(failure -> HttpReplies.failure(ctx, failure));
  }

  private void history(RoutingContext ctx) {
    Optional<JsonObject> body = JsonBodies.read(ctx, historySchema);
    if (body.isEmpty()) {
      return;
    }
    int pageSize = Math.min(body.get().getInteger("fetch_size", options.defaultPageSize()), options.maxPageSize());
    String state = body.get().getString("paging_state_id");
    long before = state == null ? 0 : Long.parseLong(state);
    ChatHistory request = new ChatHistory(BearerAuth.principal(ctx).subject(), ctx.pathParam("chatId"), pageSize, before);
    services.<DeliveryBatch>request(Addresses.Routing.CHAT_HISTORY, request)
      .onSuccess(page -> HttpReplies.json(ctx, 200, pageJson(page)))
      .onFailure(failure -> HttpReplies.failure(ctx, failure));
  }

  private static JsonObject pageJson(DeliveryBatch page) {
    List<Delivery> messages = page.deliveries();
    JsonObject json = new JsonObject().put("user_messages",
      new JsonArray(messages.stream().map(ChatEvents::historyEntry).toList()));
    if (page.more() && !messages.isEmpty()) {
      json.put("next_paging_state_id", String.valueOf(messages.get(messages.size() - 1).seq()));
    }
    return json;
  }
}
