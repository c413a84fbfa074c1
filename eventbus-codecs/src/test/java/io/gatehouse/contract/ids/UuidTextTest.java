package io.gatehouse.contract.ids;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UuidTextTest {

  @Test
  @DisplayName("canonical UUIDs of either case pass")
  void canonical() {
    String id = UUID.randomUUID().toString();
    assertThat(UuidText.isCanonical(id)).isTrue();
    assertThat(UuidText.isCanonical(id.toUpperCase())).isTrue();
    assertThat(UuidText.isCanonical("00000000-0000-0000-0000-000000000000")).isTrue();
  }

  @Test
  @DisplayName("anything else fails: short groups, misplaced dashes, non-hex and non-ASCII digits, other lengths, null")
  void others() {
    assertThat(UuidText.isCanonical(null)).isFalse();
    assertThat(UuidText.isCanonical("")).isFalse();
    assertThat(UuidText.isCanonical("1-2-3-4-5")).isFalse();
    assertThat(UuidText.isCanonical("0123456789-abc-def0-1234-56789abcdef0")).isFalse();
    assertThat(UuidText.isCanonical("0123456g-89ab-cdef-0123-456789abcdef")).isFalse();
    assertThat(UuidText.isCanonical("01234567-89ab-cdef-0123-456789abcdef0")).isFalse();
    assertThat(UuidText.isCanonical("01234567_89ab-cdef-0123-456789abcdef")).isFalse();
    // Arabic-Indic digit five: Character.digit accepts it, a UUID does not
    assertThat(UuidText.isCanonical("0123456\u0665-89ab-cdef-0123-456789abcdef")).isFalse();
    // fullwidth 'a' (U+FF41): Character.digit reads it as 10
    assertThat(UuidText.isCanonical("0123456\uFF41-89ab-cdef-0123-456789abcdef")).isFalse();
  }
}
