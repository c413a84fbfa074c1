package io.gatehouse.gateway.signup;

import io.gatehouse.contract.edge.EdgeOptions;
import io.vertx.core.json.JsonObject;

/**
 * What the gateway needs of the {@code signup} section: cookie lifetimes and flags, and the public settings. The OTP
 * rules themselves are enforced by user-auth, which reads the same section with the same defaults.
 */
public record SignupSettings(int otpLength, long otpTtlSeconds, long transactionTtlSeconds, long verifiedTtlSeconds,
                             long resendDelaySeconds, int maxVerifyAttempts, String identifierPattern,
                             long idvTransactionTtlSeconds, long slotTtlSeconds, boolean secureCookies,
                             int challengesPerAddress, long addressWindowSeconds) {

  public static final int DEFAULT_OTP_LENGTH = 6;
  public static final long DEFAULT_OTP_TTL_SECONDS = 60;
  public static final long DEFAULT_TRANSACTION_TTL_SECONDS = 300;
  public static final long DEFAULT_VERIFIED_TTL_SECONDS = 600;
  public static final long DEFAULT_RESEND_DELAY_SECONDS = 30;
  public static final int DEFAULT_MAX_VERIFY_ATTEMPTS = 3;
  public static final String DEFAULT_IDENTIFIER_PATTERN = "^(\\+[1-9][0-9]{6,14}|[^@\\s]{1,64}@[^@\\s]{1,190})$";
  public static final long DEFAULT_IDV_TRANSACTION_TTL_SECONDS = 180;
  public static final long DEFAULT_SLOT_TTL_SECONDS = 600;

  /** {@code generate-challenge} requests per client address within the address window (429 beyond). */
  public static final int DEFAULT_CHALLENGES_PER_ADDRESS = 30;
  public static final long DEFAULT_ADDRESS_WINDOW_SECONDS = 60;

  public static SignupSettings from(JsonObject nodeConfig) {
    JsonObject signup = nodeConfig.getJsonObject("signup", new JsonObject());
    JsonObject ekyc = nodeConfig.getJsonObject("ekyc", new JsonObject());
    return new SignupSettings(
      signup.getInteger("otpLength", DEFAULT_OTP_LENGTH),
      signup.getLong("otpTtlSeconds", DEFAULT_OTP_TTL_SECONDS),
      signup.getLong("transactionTtlSeconds", DEFAULT_TRANSACTION_TTL_SECONDS),
      signup.getLong("verifiedTtlSeconds", DEFAULT_VERIFIED_TTL_SECONDS),
      signup.getLong("resendDelaySeconds", DEFAULT_RESEND_DELAY_SECONDS),
      signup.getInteger("maxVerifyAttempts", DEFAULT_MAX_VERIFY_ATTEMPTS),
      signup.getString("identifierPattern", DEFAULT_IDENTIFIER_PATTERN),
      ekyc.getLong("transactionTtlSeconds", DEFAULT_IDV_TRANSACTION_TTL_SECONDS),
      ekyc.getLong("slotTtlSeconds", DEFAULT_SLOT_TTL_SECONDS),
      // Secure whenever the node serves TLS; signup.secureCookies for TLS ended in front of the node
      signup.getBoolean("secureCookies", false) || EdgeOptions.from(nodeConfig).tls().enabled(),
      signup.getInteger("challengesPerAddress", DEFAULT_CHALLENGES_PER_ADDRESS),
      signup.getLong("addressWindowSeconds", DEFAULT_ADDRESS_WINDOW_SECONDS));
  }

  /** The public {@code configs} of {@code GET /settings}. */
  public JsonObject configs() {
    return new JsonObject()
      .put("identifier.pattern", identifierPattern)
      .put("otp.length", otpLength)
      .put("challenge.timeout", otpTtlSeconds)
      .put("resend.delay", resendDelaySeconds)
      .put("verify.attempts", maxVerifyAttempts)
      .put("otp.blocked", false)
      .put("status.request.delay", 1)
      .put("status.request.limit", 10)
      .put("identity-verification.slot.timeout", slotTtlSeconds);
  }
}
