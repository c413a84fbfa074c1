package io.gatehouse.face;

import io.vertx.core.json.JsonObject;

import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seed 002's encrypted result: AES-256-CBC, key = SHA-256 of the client's secret_key (UTF-8), a random
 * 16-byte IV, PKCS#7 padding (the JCA calls it PKCS5Padding), {@code base64(IV || ciphertext)}.
 */
final class ResultSealer {

  static final String METHOD = "AES-256-CBC";
  private static final SecureRandom RANDOM = new SecureRandom();

  private ResultSealer() {
  }

  static String seal(JsonObject payload, String secretKey) {
    try {
      byte[] key = MessageDigest.getInstance("SHA-256").digest(secretKey.getBytes(StandardCharsets.UTF_8));
      byte[] iv = new byte[16];
      RANDOM.nextBytes(iv);
      Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
      byte[] sealed = cipher.doFinal(payload.encode().getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-256-CBC unavailable", e);
    }
  }
}
