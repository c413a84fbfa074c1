package io.gatehouse.face;

import io.gatehouse.face.engine.FaceTemplate;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

/**
 * Seals enrollment templates at rest: AES-256-GCM under {@value #KEY_FILE} in the key directory (random,
 * owner-only, created on first start), the tenant and enrollment id as associated data so a row cannot be
 * moved to another tenant. Layout: nonce (12) || ciphertext || tag.
 */
final class TemplateVault {

  static final String KEY_FILE = "face-templates.key";
  private static final int NONCE_BYTES = 12;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;

  TemplateVault(byte[] key) {
    if (key.length != 32) {
      throw new IllegalStateException(KEY_FILE + " must hold exactly 32 bytes");
    }
    this.key = new SecretKeySpec(key, "AES");
  }

  /** Blocking file I/O: loads the key, creating it first when missing. */
  static TemplateVault loadOrCreate(Path keyDir) throws IOException {
    byte[] fresh = new byte[32];
    RANDOM.nextBytes(fresh);
    return new TemplateVault(Files.readAllBytes(KeyFiles.createOnce(keyDir, KEY_FILE, fresh)));
  }

  byte[] seal(String clientId, String enrollmentId, List<FaceTemplate> templates) {
    ByteBuffer plain = ByteBuffer.allocate(4 + templates.stream().mapToInt(t -> 4 + t.toBytes().length).sum());
    plain.putInt(templates.size());
    templates.forEach(t -> plain.putInt(t.toBytes().length).put(t.toBytes()));
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed = cipher(Cipher.ENCRYPT_MODE, nonce, clientId, enrollmentId, plain.array());
    return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
  }

  List<FaceTemplate> open(String clientId, String enrollmentId, byte[] stored) {
    byte[] nonce = java.util.Arrays.copyOfRange(stored, 0, NONCE_BYTES);
    byte[] sealed = java.util.Arrays.copyOfRange(stored, NONCE_BYTES, stored.length);
    ByteBuffer plain = ByteBuffer.wrap(cipher(Cipher.DECRYPT_MODE, nonce, clientId, enrollmentId, sealed));
    int count = plain.getInt();
    List<FaceTemplate> templates = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      byte[] one = new byte[plain.getInt()];
      plain.get(one);
      templates.add(FaceTemplate.fromBytes(one));
    }
    return templates;
  }

  private byte[] cipher(int mode, byte[] nonce, String clientId, String enrollmentId, byte[] input) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(mode, key, new GCMParameterSpec(128, nonce));
      cipher.updateAAD((clientId + "/" + enrollmentId).getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(input);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("template seal failed (wrong key or tampered row)", e);
    }
  }

}
