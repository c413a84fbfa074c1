package io.gatehouse.contract.signup;

import io.vertx.core.json.JsonObject;

/**
 * Check the OTP of a challenge transaction; replies the VERIFIED {@link SignupTransaction}. Fails
 * BAD_REQUEST {@code invalid_transaction}, {@code identifier_mismatch}, {@code invalid_challenge}, {@code
 * challenge_expired}, {@code too_many_verify_attempts}, CONFLICT {@code identifier_already_registered},
 * NOT_FOUND {@code identifier_not_found} (reset of an unknown account).
 */
public record VerifyChallenge(String transactionId, String identifier, String challenge) {

  public JsonObject toJson() {
    return new JsonObject()
      .put("transactionId", transactionId)
      .put("identifier", identifier)
      .put("challenge", challenge);
  }

  public static VerifyChallenge fromJson(JsonObject json) {
    return new VerifyChallenge(
      json.getString("transactionId"),
      json.getString("identifier"),
      json.getString("challenge"));
  }

  /** Never prints the secret it carries. */
  @Override
  public String toString() {
    return "VerifyChallenge[]";
  }
}
