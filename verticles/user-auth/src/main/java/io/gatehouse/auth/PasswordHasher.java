package io.gatehouse.auth;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * Argon2id password hashes in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}), so the cost can be raised later without
 * invalidating stored hashes. CPU and memory heavy: call it from a worker thread, never an event loop.
 */
public final class PasswordHasher {

  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

  private final Argon2Params params;
  private final SecureRandom random = new SecureRandom();
  private volatile String decoy;

  public PasswordHasher(Argon2Params params) {
    this.params = params;
  }

  /** A fresh salted hash of {@code password} with the configured parameters. */
  public String hash(String password) {
    byte[] salt = new byte[SALT_BYTES];
    random.nextBytes(salt);
    byte[] hash = derive(password, salt, params, HASH_BYTES);
    return "$argon2id$v=19$m=" + params.memoryKib() + ",t=" + params.iterations() + ",p=" + params.parallelism()
      + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
  }

  /** True when {@code password} matches {@code phc}; false for a wrong password or an unreadable hash. */
  public boolean verify(String password, String phc) {
    Optional<PhcHash> parsed = PhcHash.parse(phc);
    if (parsed.isEmpty()) {
      return false;
    }
    PhcHash stored = parsed.get();
    byte[] candidate = derive(password, stored.salt(), stored.params(), stored.hash().length);
    return MessageDigest.isEqual(candidate, stored.hash());
  }

  /**
   * Spends the same work as {@link #verify} against a hash of a random password and returns false, so a
   * login for an unknown user takes as long as one with a wrong password.
   */
  public boolean verifyDecoy(String password) {
    verify(password, decoyHash());
    return false;
  }

  /** The decoy hash, computed on first use; call once at start-up (on a worker) to pay for it early. */
  public String decoyHash() {
    String current = decoy;
    if (current == null) {
      byte[] noise = new byte[24];
      random.nextBytes(noise);
      current = hash(B64.encodeToString(noise));
      decoy = current;
    }
    return current;
  }

  private static byte[] derive(String password, byte[] salt, Argon2Params params, int length) {
    Argon2BytesGenerator generator = new Argon2BytesGenerator();
    generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
      .withVersion(Argon2Parameters.ARGON2_VERSION_13)
      .withMemoryAsKB(params.memoryKib())
      .withIterations(params.iterations())
      .withParallelism(params.parallelism())
      .withSalt(salt)
      .build());
    byte[] secret = password.getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[length];
    generator.generateBytes(secret, out);
    Arrays.fill(secret, (byte) 0);
    return out;
  }

  /** The parts of a stored PHC string. */
  record PhcHash(Argon2Params params, byte[] salt, byte[] hash) {

    static Optional<PhcHash> parse(String phc) {
      if (phc == null) {
        return Optional.empty();
      }
      // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
      String[] parts = phc.split("\\$", -1);
      if (parts.length != 6 || !parts[0].isEmpty() || !"argon2id".equals(parts[1]) || !"v=19".equals(parts[2])) {
        return Optional.empty();
      }
      try {
        String[] costs = parts[3].split(",", -1);
        if (costs.length != 3 || !costs[0].startsWith("m=") || !costs[1].startsWith("t=") || !costs[2].startsWith("p=")) {
          return Optional.empty();
        }
        Argon2Params params = new Argon2Params(Integer.parseInt(costs[0].substring(2)),
          Integer.parseInt(costs[1].substring(2)), Integer.parseInt(costs[2].substring(2)));
        byte[] salt = B64_DECODER.decode(parts[4]);
        byte[] hash = B64_DECODER.decode(parts[5]);
        return salt.length < 8 || hash.length < 16 ? Optional.empty() : Optional.of(new PhcHash(params, salt, hash));
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
  }
}
