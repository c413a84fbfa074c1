package io.gatehouse.auth;

import io.vertx.core.json.JsonObject;

import java.util.regex.Pattern;

/**
 * The {@code signup} section of the node config, read once with defaults. {@code devFixedOtp}, when set,
 * replaces the random OTP (development only; off by default).
 */
public record SignupOptions(int otpLength, long otpTtlSeconds, long transactionTtlSeconds,
                            long verifiedTtlSeconds, int maxVerifyAttempts, long resendDelaySeconds, int maxResends,
                            long blockSeconds, Pattern identifierPattern, String devFixedOtp,
                            int maxSendsPerIdentifier, int maxFailedVerifiesPerIdentifier,
                            long identifierWindowSeconds) {

  public static final int DEFAULT_OTP_LENGTH = 6;
  public static final long DEFAULT_OTP_TTL_SECONDS = 60;
  public static final long DEFAULT_TRANSACTION_TTL_SECONDS = 300;
  public static final long DEFAULT_VERIFIED_TTL_SECONDS = 600;
  public static final int DEFAULT_MAX_VERIFY_ATTEMPTS = 3;
  public static final long DEFAULT_RESEND_DELAY_SECONDS = 30;
  public static final int DEFAULT_MAX_RESENDS = 3;
  public static final long DEFAULT_BLOCK_SECONDS = 3_600;
  /** OTPs sent to one identifier, over all its transactions, within the identifier window; more blocks it. */
  public static final int DEFAULT_MAX_SENDS_PER_IDENTIFIER = 5;
  /** Wrong OTPs for one identifier, over all its transactions, within the window; reaching it blocks it. */
  public static final int DEFAULT_MAX_FAILED_VERIFIES_PER_IDENTIFIER = 6;
  public static final long DEFAULT_IDENTIFIER_WINDOW_SECONDS = 3_600;
  /** A phone number in E.164 form or an e-mail address. */
  public static final String DEFAULT_IDENTIFIER_PATTERN = "^(\\+[1-9][0-9]{6,14}|[^@\\s]{1,64}@[^@\\s]{1,190})$";

  public SignupOptions {
    if (otpLength < 4 || otpLength > 10) {
      throw new IllegalArgumentException("signup.otpLength must be within 4..10");
    }
    if (devFixedOtp != null && !devFixedOtp.matches("[0-9]{" + otpLength + "}")) {
      throw new IllegalArgumentException("signup.devFixedOtp must be " + otpLength + " digits");
    }
    for (long value : new long[] {otpTtlSeconds, transactionTtlSeconds, verifiedTtlSeconds, maxVerifyAttempts,
      maxResends, blockSeconds, maxSendsPerIdentifier, maxFailedVerifiesPerIdentifier, identifierWindowSeconds}) {
      if (value <= 0) {
        throw new IllegalArgumentException("signup limits and lifetimes must be positive");
      }
    }
  }

  public static SignupOptions from(JsonObject nodeConfig) {
    JsonObject signup = nodeConfig.getJsonObject("signup", new JsonObject());
    return new SignupOptions(
      signup.getInteger("otpLength", DEFAULT_OTP_LENGTH),
      signup.getLong("otpTtlSeconds", DEFAULT_OTP_TTL_SECONDS),
      signup.getLong("transactionTtlSeconds", DEFAULT_TRANSACTION_TTL_SECONDS),
      signup.getLong("verifiedTtlSeconds", DEFAULT_VERIFIED_TTL_SECONDS),
      signup.getInteger("maxVerifyAttempts", DEFAULT_MAX_VERIFY_ATTEMPTS),
      signup.getLong("resendDelaySeconds", DEFAULT_RESEND_DELAY_SECONDS),
      signup.getInteger("maxResends", DEFAULT_MAX_RESENDS),
      signup.getLong("blockSeconds", DEFAULT_BLOCK_SECONDS),
      Pattern.compile(signup.getString("identifierPattern", DEFAULT_IDENTIFIER_PATTERN)),
      signup.getString("devFixedOtp"),
      signup.getInteger("maxSendsPerIdentifier", DEFAULT_MAX_SENDS_PER_IDENTIFIER),
      signup.getInteger("maxFailedVerifiesPerIdentifier", DEFAULT_MAX_FAILED_VERIFIES_PER_IDENTIFIER),
      signup.getLong("identifierWindowSeconds", DEFAULT_IDENTIFIER_WINDOW_SECONDS));
  }
}
