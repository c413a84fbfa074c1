package io.gatehouse.contract.text;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("CanonicalText: well-formed text, NFC names")
class CanonicalTextTest {

  @Test
  @DisplayName("lone high or low surrogates, anywhere, are not well-formed; pairs are")
  void surrogates() {
    assertThat(CanonicalText.wellFormed("plain")).isTrue();
    assertThat(CanonicalText.wellFormed("\ud83d\ude00")).isTrue();
    assertThat(CanonicalText.wellFormed("\ud800")).isFalse();
    assertThat(CanonicalText.wellFormed("a\udc00b")).isFalse();
    assertThat(CanonicalText.wellFormed("\ude00\ud83d")).isFalse();
    assertThat(CanonicalText.wellFormed("end\ud83d")).isFalse();
  }

  @Test
  @DisplayName("every string of a JSON value is checked, keys and nested values included")
  void json() {
    assertThat(CanonicalText.wellFormedJson(new JsonObject().put("a", new JsonArray().add(1).add("ok")))).isTrue();
    assertThat(CanonicalText.wellFormedJson(new JsonObject().put("a", new JsonArray().add("\ud800")))).isFalse();
    assertThat(CanonicalText.wellFormedJson(new JsonObject().put("\udfff", 1))).isFalse();
  }

  @Test
  @DisplayName("bytes that are not UTF-8 (bad lead bytes, encoded surrogates, overlong forms) are refused")
  void utf8() {
    assertThat(CanonicalText.validUtf8("caf\u00e9 \ud83d\ude00".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(CanonicalText.validUtf8(new byte[] {(byte) 0xff})).isFalse();
    assertThat(CanonicalText.validUtf8(new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80})).isFalse();
    assertThat(CanonicalText.validUtf8(new byte[] {(byte) 0xc0, (byte) 0xaf})).isFalse();
  }

  @Test
  @DisplayName("names come back in NFC; control characters and lone surrogates give no name")
  void names() {
    assertThat(CanonicalText.name("cafe\u0301")).contains("caf\u00e9");
    assertThat(CanonicalText.name("tab\there")).isEmpty();
    assertThat(CanonicalText.name("del\u007f")).isEmpty();
    assertThat(CanonicalText.name("\ud800")).isEmpty();
    assertThat(CanonicalText.name(null)).isEmpty();
  }
}
