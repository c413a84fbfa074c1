package io.gatehouse.auth;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Cheap structural check of a compact JWS before any cryptography: three dot-separated base64url
 * segments (no padding), header and payload decoding to JSON objects. Says nothing about the signature.
 */
final class JwtShape {

  /** Far above any token we issue; bounds the work spent on garbage. */
  static final int MAX_TOKEN_CHARS = 8192;
  private static final Pattern BASE64URL = Pattern.compile("[A-Za-z0-9_-]*");

  private JwtShape() {
  }

  /** The decoded header when {@code token} is shaped like a JWS, else empty. */
  static Optional<JsonObject> header(String token) {
    if (token == null || token.length() > MAX_TOKEN_CHARS) {
      return Optional.empty();
    }
    String[] segments = token.split("\\.", -1);
    if (segments.length != 3) {
      return Optional.empty();
    }
    for (String segment : segments) {
      if (!BASE64URL.matcher(segment).matches()) {
        return Optional.empty();
      }
    }
    Optional<JsonObject> header = jsonObject(segments[0]);
    return header.isPresent() && jsonObject(segments[1]).isPresent() ? header : Optional.empty();
  }

  private static Optional<JsonObject> jsonObject(String segment) {
    if (segment.isEmpty()) {
      return Optional.empty();
    }
    try {
      String json = new String(Base64.getUrlDecoder().decode(segment), StandardCharsets.UTF_8);
      return json.stripLeading().startsWith("{") ? Optional.of(new JsonObject(json)) : Optional.empty();
    } catch (IllegalArgumentException | DecodeException e) {
      return Optional.empty();
    }
  }
}
