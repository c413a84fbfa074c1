package io.gatehouse.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PasswordHasherTest {

  private final PasswordHasher hasher = new PasswordHasher(new Argon2Params(1024, 1, 1));

  @Test
  @DisplayName("the right password verifies and a wrong one does not")
  void verifiesOnlyTheRightPassword() {
    String hash = hasher.hash("correct horse battery");
    assertThat(hasher.verify("correct horse battery", hash)).isTrue();
    assertThat(hasher.verify("correct horse batterY", hash)).isFalse();
    assertThat(hasher.verify("", hash)).isFalse();
  }

  @Test
  @DisplayName("hashes are PHC strings for argon2id v19 with the configured cost, a 16-byte salt and a 32-byte hash")
  void hashIsPhcFormatted() {
    String hash = new PasswordHasher(new Argon2Params(2048, 3, 2)).hash("pässwörd ✓");
    assertThat(hash).matches("\\$argon2id\\$v=19\\$m=2048,t=3,p=2\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    String[] parts = hash.split("\\$");
    assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
    assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
  }

  @Test
  @DisplayName("the same password hashes differently each time because of the salt")
  void saltMakesHashesUnique() {
    assertThat(hasher.hash("same password")).isNotEqualTo(hasher.hash("same password"));
  }

  @Test
  @DisplayName("verification reads the cost from the stored hash, so hashes made with older parameters still verify")
  void parametersAreReadFromTheHash() {
    String old = new PasswordHasher(new Argon2Params(512, 2, 1)).hash("legacy password");
    Optional<PasswordHasher.PhcHash> parsed = PasswordHasher.PhcHash.parse(old);
    assertThat(parsed).isPresent();
    assertThat(parsed.get().params()).isEqualTo(new Argon2Params(512, 2, 1));
    assertThat(hasher.verify("legacy password", old)).isTrue();
  }

  @Test
  @DisplayName("unreadable stored hashes never verify")
  void unreadableHashesFail() {
    String good = hasher.hash("password-1");
    assertThat(hasher.verify("password-1", null)).isFalse();
    assertThat(hasher.verify("password-1", "")).isFalse();
    assertThat(hasher.verify("password-1", good.replace("argon2id", "argon2i"))).isFalse();
    assertThat(hasher.verify("password-1", good.replace("v=19", "v=16"))).isFalse();
    assertThat(hasher.verify("password-1", good.replace("m=1024", "m=abc"))).isFalse();
    assertThat(hasher.verify("password-1", good.substring(0, good.lastIndexOf('$')))).isFalse();
    assertThat(hasher.verify("password-1", good + "$extra")).isFalse();
  }

  @Test
  @DisplayName("the decoy verification never succeeds and reuses one decoy hash")
  void decoyNeverMatches() {
    String decoy = hasher.decoyHash();
    assertThat(hasher.verifyDecoy("password-1")).isFalse();
    assertThat(hasher.decoyHash()).isSameAs(decoy);
  }
}
