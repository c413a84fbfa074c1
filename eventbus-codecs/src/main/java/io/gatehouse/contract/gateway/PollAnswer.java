package io.gatehouse.contract.gateway;

import io.vertx.core.json.JsonObject;

/** The owner's answer to a forwarded polling request: the HTTP status, content type and body to send back. */
public record PollAnswer(int status, String contentType, String body) {

  public JsonObject toJson() {
    return new JsonObject().put("status", status).put("contentType", contentType).put("body", body);
  }

  public static PollAnswer fromJson(JsonObject json) {
    return new PollAnswer(json.getInteger("status"), json.getString("contentType"), json.getString("body"));
  }
}
