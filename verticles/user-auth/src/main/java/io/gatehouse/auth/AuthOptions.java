package io.gatehouse.auth;

import io.vertx.core.json.JsonObject;

import java.nio.file.Path;

/**
 * The {@code auth} section of the node config, read once with defaults. Fails with an
 * {@link IllegalArgumentException} naming the key when a value makes no sense.
 */
public record AuthOptions(Path keyDir, long tokenTtlSeconds, long clientTokenTtlSeconds, long authCodeTtlSeconds,
                          int leewaySeconds, Argon2Params argon2, long userCheckCacheMs, int maxFailedLogins,
                          long loginWindowSeconds) {

  public static final String DEFAULT_DATA_DIR = "data";
  public static final long DEFAULT_TOKEN_TTL_SECONDS = 86_400;
  public static final long DEFAULT_CLIENT_TOKEN_TTL_SECONDS = 3_600;
  public static final long DEFAULT_AUTH_CODE_TTL_SECONDS = 60;
  public static final int DEFAULT_LEEWAY_SECONDS = 2;
  /** How long a token's user, once found, is taken to exist without asking the database again. */
  public static final long DEFAULT_USER_CHECK_CACHE_MS = 5_000;
  /** Failed logins of one username within the login window before it is refused until the window ends. */
  public static final int DEFAULT_MAX_FAILED_LOGINS = 10;
  public static final long DEFAULT_LOGIN_WINDOW_SECONDS = 900;
  /** Clock skew tolerated on {@code exp}; more than this would make expiry meaningless. */
  public static final int MAX_LEEWAY_SECONDS = 30;

  public AuthOptions {
    requirePositive("auth.tokenTtlSeconds", tokenTtlSeconds);
    requirePositive("auth.clientTokenTtlSeconds", clientTokenTtlSeconds);
    requirePositive("auth.authCodeTtlSeconds", authCodeTtlSeconds);
    if (leewaySeconds < 0 || leewaySeconds > MAX_LEEWAY_SECONDS) {
      throw new IllegalArgumentException("auth.leewaySeconds must be within 0.." + MAX_LEEWAY_SECONDS);
    }
    requirePositive("auth.maxFailedLogins", maxFailedLogins);
    requirePositive("auth.loginWindowSeconds", loginWindowSeconds);
    if (userCheckCacheMs < 0) {
      throw new IllegalArgumentException("auth.userCheckCacheMs must not be negative");
    }
  }

  /** Reads {@code auth} (and {@code node.dataDir} for the default key directory) from the whole node config. */
  public static AuthOptions from(JsonObject nodeConfig) {
    JsonObject auth = nodeConfig.getJsonObject("auth", new JsonObject());
    String dataDir = nodeConfig.getJsonObject("node", new JsonObject()).getString("dataDir", DEFAULT_DATA_DIR);
    String keyDir = auth.getString("keyDir");
    return new AuthOptions(
      keyDir == null || keyDir.isBlank() ? Path.of(dataDir, "keys") : Path.of(keyDir),
      auth.getLong("tokenTtlSeconds", DEFAULT_TOKEN_TTL_SECONDS),
      auth.getLong("clientTokenTtlSeconds", DEFAULT_CLIENT_TOKEN_TTL_SECONDS),
      auth.getLong("authCodeTtlSeconds", DEFAULT_AUTH_CODE_TTL_SECONDS),
      auth.getInteger("leewaySeconds", DEFAULT_LEEWAY_SECONDS),
      Argon2Params.from(auth.getJsonObject("argon2", new JsonObject())),
      auth.getLong("userCheckCacheMs", DEFAULT_USER_CHECK_CACHE_MS),
      auth.getInteger("maxFailedLogins", DEFAULT_MAX_FAILED_LOGINS),
      auth.getLong("loginWindowSeconds", DEFAULT_LOGIN_WINDOW_SECONDS));
  }

  private static void requirePositive(String key, long value) {
    if (value <= 0) {
      throw new IllegalArgumentException(key + " must be positive");
    }
  }
}
