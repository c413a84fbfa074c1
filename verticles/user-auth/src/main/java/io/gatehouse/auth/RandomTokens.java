package io.gatehouse.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Unguessable strings (API keys, secrets, authorization codes) and their digests. */
final class RandomTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private RandomTokens() {
  }

  /** {@code bytes} random bytes as unpadded base64url. */
  static String base64Url(int bytes) {
    byte[] raw = new byte[bytes];
    RANDOM.nextBytes(raw);
    return BASE64URL.encodeToString(raw);
  }

  static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
    }
  }

  /** Constant-time comparison of two strings' UTF-8 bytes. */
  static boolean sameSecret(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
