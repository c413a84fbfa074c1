package io.gatehouse.auth;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.crypto.AEADBadTagException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecretBoxTest {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  private final SecretBox box = new SecretBox(KEY);

  @Test
  @DisplayName("a sealed secret opens to itself, and sealing twice gives different bytes (fresh nonce)")
  void roundTripsWithFreshNonces() throws GeneralSecurityException {
    byte[] first = box.seal("s3cret-value", "row-1");
    byte[] second = box.seal("s3cret-value", "row-1");
    assertThat(box.open(first, "row-1")).isEqualTo("s3cret-value");
    assertThat(first).isNotEqualTo(second).hasSize(12 + "s3cret-value".length() + 16);
    assertThat(new String(first, StandardCharsets.ISO_8859_1)).doesNotContain("s3cret");
  }

  @Test
  @DisplayName("an altered value, another row's id or another key does not open")
  void tamperingIsDetected() {
    byte[] sealed = box.seal("s3cret-value", "row-1");
    byte[] flipped = Arrays.copyOf(sealed, sealed.length);
    flipped[15] ^= 1;
    byte[] otherKey = KEY.clone();
    otherKey[0] ^= 1;
    assertThatThrownBy(() -> box.open(flipped, "row-1")).isInstanceOf(AEADBadTagException.class);
    assertThatThrownBy(() -> box.open(sealed, "row-2")).isInstanceOf(AEADBadTagException.class);
    assertThatThrownBy(() -> new SecretBox(otherKey).open(sealed, "row-1")).isInstanceOf(AEADBadTagException.class);
    assertThatThrownBy(() -> box.open(new byte[5], "row-1")).isInstanceOf(GeneralSecurityException.class);
  }
}
