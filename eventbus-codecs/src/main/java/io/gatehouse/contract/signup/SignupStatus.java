package io.gatehouse.contract.signup;

import io.vertx.core.json.JsonObject;

/** PENDING, COMPLETED or FAILED (the original service's words). */
public record SignupStatus(String status) {

  public JsonObject toJson() {
    return new JsonObject().put("status", status);
  }

  public static SignupStatus fromJson(JsonObject json) {
    return new SignupStatus(json.getString("status"));
  }
}
