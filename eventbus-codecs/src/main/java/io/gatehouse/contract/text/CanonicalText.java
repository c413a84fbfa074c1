package io.gatehouse.contract.text;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Map;
import java.util.Optional;

/**
 * The one rule for text that enters Gatehouse. Input must be well-formed Unicode: bytes that are not UTF-8 and
 * JSON escapes of lone surrogates ({@code "\ud800"}) are refused instead of being turned into {@code ?} or
 * U+FFFD on the way to the database, where distinct names would collide. Names (usernames, topic names) are
 * also stored in NFC, so that one name typed two ways is one name, and may hold no control characters.
 */
public final class CanonicalText {

  private CanonicalText() {
  }

  /** True when {@code bytes} are valid UTF-8. */
  public static boolean validUtf8(byte[] bytes) {
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /** True when every surrogate in {@code text} is half of a pair. */
  public static boolean wellFormed(CharSequence text) {
    for (int i = 0, n = text.length(); i < n; i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** True when every string in a decoded JSON value, keys included, is well-formed. */
  public static boolean wellFormedJson(Object value) {
    if (value instanceof String text) {
      return wellFormed(text);
    }
    if (value instanceof JsonObject object) {
      for (Map.Entry<String, Object> entry : object) {
        if (!wellFormed(entry.getKey()) || !wellFormedJson(entry.getValue())) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof JsonArray array) {
      for (Object item : array) {
        if (!wellFormedJson(item)) {
          return false;
        }
      }
    }
    return true;
  }

  /** {@code name} in NFC, or empty when it is null, not well-formed, or holds a control character. */
  public static Optional<String> name(String name) {
    if (name == null || !wellFormed(name) || name.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.empty();
    }
    return Optional.of(Normalizer.normalize(name, Normalizer.Form.NFC));
  }
}
