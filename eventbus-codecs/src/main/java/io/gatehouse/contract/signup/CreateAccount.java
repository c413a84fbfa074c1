package io.gatehouse.contract.signup;

import io.vertx.core.json.JsonObject;

/**
 * Register the identifier verified by {@code verifiedTransactionId} as a user named {@code username} (must
 * equal the identifier); replies {@link SignupStatus}. Fails BAD_REQUEST {@code invalid_transaction},
 * {@code identifier_mismatch}, {@code invalid_password}, {@code consent_required}, CONFLICT {@code
 * identifier_already_registered}.
 */
public record CreateAccount(String verifiedTransactionId, String username, String password, String fullName, String consent) {

  public JsonObject toJson() {
    return new JsonObject()
      .put("verifiedTransactionId", verifiedTransactionId)
      .put("username", username)
      .put("password", password)
      .put("fullName", fullName)
      .put("consent", consent);
  }

  public static CreateAccount fromJson(JsonObject json) {
    return new CreateAccount(
      json.getString("verifiedTransactionId"),
      json.getString("username"),
      json.getString("password"),
      json.getString("fullName"),
      json.getString("consent"));
  }

  /** Never prints the secret it carries. */
  @Override
  public String toString() {
    return "CreateAccount[]";
  }
}
