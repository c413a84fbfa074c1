package io.gatehouse.auth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The node's secrets, kept as files in the key directory: {@value #SIGNING_KEY_FILE} (HMAC key for
 * HS256 tokens) and {@value #MASTER_KEY_FILE} (AES-256 key that seals API client secrets). Created with
 * random bytes and owner-only permissions on first start, loaded afterwards. Blocking file I/O.
 */
public record KeyMaterial(byte[] signingKey, byte[] masterKey) {

  public static final String SIGNING_KEY_FILE = "jwt-hs256.key";
  public static final String MASTER_KEY_FILE = "master.key";
  static final int SIGNING_KEY_BYTES = 32;
  static final int MASTER_KEY_BYTES = 32;

  private static final Logger LOG = LoggerFactory.getLogger(KeyMaterial.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  public KeyMaterial {
    if (signingKey.length < SIGNING_KEY_BYTES) {
      throw new IllegalStateException(SIGNING_KEY_FILE + " must hold at least " + SIGNING_KEY_BYTES + " bytes");
    }
    if (masterKey.length != MASTER_KEY_BYTES) {
      throw new IllegalStateException(MASTER_KEY_FILE + " must hold exactly " + MASTER_KEY_BYTES + " bytes");
    }
    signingKey = signingKey.clone();
    masterKey = masterKey.clone();
  }

  /** Loads the keys under {@code keyDir}, creating the directory and any missing key first. */
  public static KeyMaterial loadOrCreate(Path keyDir) throws IOException {
    if (!Files.isDirectory(keyDir)) {
      Files.createDirectories(keyDir);
      restrict(keyDir, "rwx------");
    }
    return new KeyMaterial(readOrCreate(keyDir.resolve(SIGNING_KEY_FILE), SIGNING_KEY_BYTES),
      readOrCreate(keyDir.resolve(MASTER_KEY_FILE), MASTER_KEY_BYTES));
  }

  @Override
  public byte[] signingKey() {
    return signingKey.clone();
  }

  @Override
  public byte[] masterKey() {
    return masterKey.clone();
  }

  /** A 32-byte key for one purpose, derived from the master key (HMAC-SHA256 over the purpose). */
  public byte[] derive(String purpose) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(masterKey, "HmacSHA256"));
      return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "KeyMaterial[redacted]";
  }

  private static byte[] readOrCreate(Path file, int size) throws IOException {
    if (Files.exists(file)) {
      return Files.readAllBytes(file);
    }
    // Write the whole key to a private temp file, then hard-link it into place: the link fails if another
    // instance won the race, and nobody ever reads a half-written key.
    Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      restrict(temp, "rw-------");
      byte[] key = new byte[size];
      RANDOM.nextBytes(key);
      Files.write(temp, key);
      Files.createLink(file, temp);
      LOG.info("created {} in {}", file.getFileName(), file.getParent());
      return key;
    } catch (FileAlreadyExistsException raced) {
      return Files.readAllBytes(file);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static void restrict(Path path, String permissions) throws IOException {
    if (POSIX) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
    }
  }
}
