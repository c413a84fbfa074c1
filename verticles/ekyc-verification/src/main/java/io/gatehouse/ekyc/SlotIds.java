package io.gatehouse.ekyc;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** Transaction ids and the slot ids derived from them: base64url, no padding, of SHA3-256(transactionId). */
public final class SlotIds {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private SlotIds() {
  }

  /** 32 random bytes, base64url without padding (43 characters). */
  public static String newTransactionId() {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    return BASE64URL.encodeToString(raw);
  }

  /** The slot id of a transaction; always 43 characters. */
  public static String slotIdOf(String transactionId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA3-256").digest(transactionId.getBytes(StandardCharsets.UTF_8));
      return BASE64URL.encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA3-256 is required by every Java 9+ runtime", e);
    }
  }
}
