package io.gatehouse.contract.gateway;

import io.vertx.core.json.JsonObject;

/**
 * An Engine.IO long-polling request that reached a gateway which does not own its session, forwarded to
 * the owner on {@code Addresses.SocketIo.owner(ownerId)}; replies {@link PollAnswer}. {@code body} is the
 * POSTed payload (null for a GET). Payloads are UTF-8 text in Engine.IO v4 (binary travels base64).
 */
public record PollForward(String sid, boolean post, String body) {

  public JsonObject toJson() {
    return new JsonObject().put("sid", sid).put("post", post).put("body", body);
  }

  public static PollForward fromJson(JsonObject json) {
    return new PollForward(json.getString("sid"), json.getBoolean("post"), json.getString("body"));
  }

  @Override
  public String toString() {
    return "PollForward[sid=" + sid + ", post=" + post + ", bodyChars=" + (body == null ? 0 : body.length()) + "]";
  }
}
