package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/** The chats a user is a member of, oldest first; the reply to CHAT_LIST (sent a {@link UserRef}). */
public record ChatList(List<ChatRef> chats) {

  public ChatList {
    chats = List.copyOf(chats);
  }

  public JsonObject toJson() {
    JsonArray array = new JsonArray();
    chats.forEach(chat -> array.add(chat.toJson()));
    return new JsonObject().put("chats", array);
  }

  public static ChatList fromJson(JsonObject json) {
    return new ChatList(json.getJsonArray("chats").stream().map(item -> ChatRef.fromJson((JsonObject) item)).toList());
  }
}
