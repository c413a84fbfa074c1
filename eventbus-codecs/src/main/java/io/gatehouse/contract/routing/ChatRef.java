package io.gatehouse.contract.routing;

import io.vertx.core.json.JsonObject;

/**
 * A chat: its wire id (a UUID string, the {@code chat_id} of PROTOCOLS §2), the CHAT topic that holds its
 * log (named {@code @chat/<chatId>}, see {@link #topicName(String)}), and whether this request created it.
 */
public record ChatRef(String chatId, long topicId, boolean created) {

  private static final String TOPIC_PREFIX = "@chat/";

  /** The name of the CHAT topic of a chat id: what a publish into the chat names. */
  public static String topicName(String chatId) {
    return TOPIC_PREFIX + chatId;
  }

  /** The chat id of a CHAT topic's name, or null when the name is not a chat's. */
  public static String chatIdOf(String topicName) {
    return topicName != null && topicName.startsWith(TOPIC_PREFIX) ? topicName.substring(TOPIC_PREFIX.length()) : null;
  }

  public TopicRef topic() {
    return new TopicRef(topicId, topicName(chatId), TopicKind.CHAT);
  }

  public JsonObject toJson() {
    return new JsonObject().put("chatId", chatId).put("topicId", topicId).put("created", created);
  }

  public static ChatRef fromJson(JsonObject json) {
    return new ChatRef(json.getString("chatId"), json.getLong("topicId"), json.getBoolean("created", false));
  }
}
