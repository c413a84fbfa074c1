package io.gatehouse.contract.gateway;

import io.gatehouse.contract.routing.TopicRef;
import io.vertx.core.json.JsonObject;

/**
 * Published on {@code Addresses.Sessions.user(userId)} after a user joins or leaves a topic, so that every
 * live connection of that user, on any gateway node, starts or stops streaming it.
 */
public record MembershipChange(String userId, TopicRef topic, boolean joined) {

  public JsonObject toJson() {
    return new JsonObject().put("userId", userId).put("topic", topic.toJson()).put("joined", joined);
  }

  public static MembershipChange fromJson(JsonObject json) {
    return new MembershipChange(json.getString("userId"), TopicRef.fromJson(json.getJsonObject("topic")),
      json.getBoolean("joined"));
  }
}
