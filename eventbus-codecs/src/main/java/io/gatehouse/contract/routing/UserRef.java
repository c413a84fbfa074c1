package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonObject;

/** Names a user; sent to MEMBERSHIPS, which replies {@link TopicList}. */
public record UserRef(String userId) {

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId);
  }

  public static UserRef fromJson(JsonObject json) {
    return new UserRef(json.getString("userId"));
  }
}
