package io.gatehouse.contract.ekyc;

import io.vertx.core.json.JsonObject;

/**
 * Ask for one verifier's metadata; replies {@link VerifierDetails}, fails NOT_FOUND {@code
 * invalid_identity_verifier_id}.
 */
public record VerifierQuery(String verifierId) {

  public JsonObject toJson() {
    return new JsonObject().put("verifierId", verifierId);
  }

  public static VerifierQuery fromJson(JsonObject json) {
    return new VerifierQuery(json.getString("verifierId"));
  }
}
