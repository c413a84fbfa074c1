package io.gatehouse.contract.signup;

import io.vertx.core.json.JsonObject;

/**
 * Send an OTP for {@code purpose} (REGISTRATION or RESET_PASSWORD) to {@code identifier}; replies {@link
 * SignupTransaction}. {@code transactionId} names the transaction to regenerate (null for a new one).
 * Fails BAD_REQUEST {@code invalid_purpose}, {@code invalid_identifier}, {@code identifier_mismatch},
 * {@code too_early_attempt}, FORBIDDEN {@code identifier_blocked}.
 */
public record IssueChallenge(String transactionId, String identifier, String purpose, boolean regenerate) {

  public JsonObject toJson() {
    return new JsonObject()
      .put("transactionId", transactionId)
      .put("identifier", identifier)
      .put("purpose", purpose)
      .put("regenerate", regenerate);
  }

  public static IssueChallenge fromJson(JsonObject json) {
    return new IssueChallenge(
      json.getString("transactionId"),
      json.getString("identifier"),
      json.getString("purpose"),
      json.getBoolean("regenerate", false));
  }
}
