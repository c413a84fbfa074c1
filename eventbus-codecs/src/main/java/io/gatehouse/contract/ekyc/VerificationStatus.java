package io.gatehouse.contract.ekyc;

import io.vertx.core.json.JsonObject;

/** STARTED, COMPLETED, FAILED or UPDATE_PENDING. */
public record VerificationStatus(String status) {

  public JsonObject toJson() {
    return new JsonObject().put("status", status);
  }

  public static VerificationStatus fromJson(JsonObject json) {
    return new VerificationStatus(json.getString("status"));
  }
}
