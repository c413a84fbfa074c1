package io.gatehouse.contract.signup;

import io.vertx.core.json.JsonObject;

/**
 * The state of a registration or reset started with {@code transactionId}; replies {@link SignupStatus},
 * fails BAD_REQUEST {@code invalid_transaction}.
 */
public record SignupStatusQuery(String transactionId) {

  public JsonObject toJson() {
    return new JsonObject().put("transactionId", transactionId);
  }

  public static SignupStatusQuery fromJson(JsonObject json) {
    return new SignupStatusQuery(json.getString("transactionId"));
  }
}
