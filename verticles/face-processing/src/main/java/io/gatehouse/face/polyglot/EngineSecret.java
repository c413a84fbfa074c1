package io.gatehouse.face.polyglot;

import io.gatehouse.face.KeyFiles;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret an engine worker presents to the bridge: {@value #FILE} in the key directory, 32 random bytes as
 * hex, owner-only, created on first start. A worker on another machine is given a copy of the file.
 */
public final class EngineSecret {

  public static final String FILE = "face-engine.secret";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final byte[] secret;
  private final Path file;

  private EngineSecret(byte[] secret, Path file) {
    this.secret = secret;
    this.file = file;
  }

  /** Blocking file I/O: loads the secret, creating it first when missing. */
  public static EngineSecret loadOrCreate(Path keyDir) throws IOException {
    byte[] fresh = new byte[32];
    RANDOM.nextBytes(fresh);
    Path file = KeyFiles.createOnce(keyDir, FILE,
      (HexFormat.of().formatHex(fresh) + "\n").getBytes(StandardCharsets.UTF_8));
    String text = Files.readString(file, StandardCharsets.UTF_8).trim();
    if (text.length() < 32) {
      throw new IllegalStateException(file + " must hold a secret of at least 32 characters");
    }
    return new EngineSecret(text.getBytes(StandardCharsets.UTF_8), file.toAbsolutePath());
  }

  public Path file() {
    return file;
  }

  /** Constant-time comparison with what a peer presented. */
  public boolean matches(String presented) {
    return presented != null && MessageDigest.isEqual(secret, presented.trim().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "EngineSecret[" + file + "]";
  }
}
