package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonObject;

/**
 * A member adds another user to a topic; replies {@link TopicRef}. The gateway resolves the invitee's
 * username to an id first. A non-member inviter gets NOT_FOUND {@code not_found} for a private topic and
 * FORBIDDEN {@code forbidden} for a public one; an invitee who is a member already, CONFLICT
 * {@code already_member}. Inboxes and chats take no invitations (FORBIDDEN {@code forbidden} for members).
 */
public record Invite(String inviterId, String topicName, String inviteeId) {

  public JsonObject toJson() {
    return new JsonObject().put("inviterId", inviterId).put("topicName", topicName).put("inviteeId", inviteeId);
  }

  public static Invite fromJson(JsonObject json) {
    return new Invite(json.getString("inviterId"), json.getString("topicName"), json.getString("inviteeId"));
  }
}
