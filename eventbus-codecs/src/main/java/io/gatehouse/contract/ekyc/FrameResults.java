package io.gatehouse.contract.ekyc;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** What the verifier publishes on the slot topic after one SEND: the MESSAGE bodies, in order. */
public record FrameResults(JsonArray messages) {

  public JsonObject toJson() {
    return new JsonObject().put("messages", messages);
  }

  public static FrameResults fromJson(JsonObject json) {
    return new FrameResults(json.getJsonArray("messages"));
  }
}
