package io.gatehouse.contract.signup;

import io.vertx.core.json.JsonObject;

/**
 * Set a new password for the identifier verified (purpose RESET_PASSWORD) by {@code
 * verifiedTransactionId}; replies {@link SignupStatus}. Fails like {@link CreateAccount}.
 */
public record ResetPassword(String verifiedTransactionId, String identifier, String password) {

  public JsonObject toJson() {
    return new JsonObject()
      .put("verifiedTransactionId", verifiedTransactionId)
      .put("identifier", identifier)
      .put("password", password);
  }

  public static ResetPassword fromJson(JsonObject json) {
    return new ResetPassword(
      json.getString("verifiedTransactionId"),
      json.getString("identifier"),
      json.getString("password"));
  }

  /** Never prints the secret it carries. */
  @Override
  public String toString() {
    return "ResetPassword[]";
  }
}
