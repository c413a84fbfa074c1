package io.gatehouse.contract.ekyc;

import io.vertx.core.json.JsonObject;

/** A verifier's full metadata: id, display name, steps and messages. */
public record VerifierDetails(JsonObject metadata) {

  public JsonObject toJson() {
    return new JsonObject().put("metadata", metadata);
  }

  public static VerifierDetails fromJson(JsonObject json) {
    return new VerifierDetails(json.getJsonObject("metadata"));
  }
}
