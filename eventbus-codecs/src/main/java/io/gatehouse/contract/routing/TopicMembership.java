package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonObject;

/**
 * A user joining (SUBSCRIBE, public topics only) or leaving (UNSUBSCRIBE) a topic; replies {@link TopicRef}.
 * A topic that is not public is invisible to non-members: NOT_FOUND {@code not_found}, as for an unknown
 * one. Subscribing twice fails CONFLICT {@code already_member}; leaving a topic one is not in, CONFLICT
 * {@code not_member}; leaving one's own inbox, FORBIDDEN {@code forbidden}.
 */
public record TopicMembership(String userId, String topicName) {

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("topicName", topicName);
  }

  public static TopicMembership fromJson(JsonObject json) {
    return new TopicMembership(json.getString("userId"), json.getString("topicName"));
  }
}
