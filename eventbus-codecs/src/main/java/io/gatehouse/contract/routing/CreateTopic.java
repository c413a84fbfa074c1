package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonObject;

/**
 * Create a topic whose first member is its creator; replies {@link TopicRef}. Fails CONFLICT
 * {@code already_exists}, BAD_REQUEST {@code invalid_request} (blank, over 128 characters, control
 * characters, or a leading {@code @}, which is reserved for inboxes and chats).
 */
public record CreateTopic(String userId, String name, boolean isPrivate) {

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("name", name).put("isPrivate", isPrivate);
  }

  public static CreateTopic fromJson(JsonObject json) {
    return new CreateTopic(json.getString("userId"), json.getString("name"), json.getBoolean("isPrivate", false));
  }
}
