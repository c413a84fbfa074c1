package io.gatehouse.gateway.signup;

import io.gatehouse.contract.Addresses;
import io.gatehouse.gateway.ServiceBus;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * CSRF tokens bound to one browser: the token is an HMAC, under a key user-auth derives for every gateway,
 * over a random binding value the browser holds in an HttpOnly cookie. A page on another site can neither read
 * the binding nor compute the token, and a cookie/header pair made up to match each other fails the HMAC.
 */
final class CsrfTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BINDING_BYTES = 32;
  private static final int BINDING_CHARS = 43;

  private final ServiceBus services;
  private Future<SecretKeySpec> key;

  CsrfTokens(ServiceBus services) {
    this.services = services;
  }

  /** A fresh random binding value (base64url, 43 characters). */
  static String newBinding() {
    byte[] raw = new byte[BINDING_BYTES];
    RANDOM.nextBytes(raw);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
  }

  static boolean wellFormedBinding(String binding) {
    return binding != null && binding.length() == BINDING_CHARS
      && binding.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
  }

  /** The token of {@code binding}. */
  Future<String> tokenFor(String binding) {
    return key().map(spec -> hmac(spec, binding));
  }

  /** True when {@code token} is the token of {@code binding}. */
  Future<Boolean> matches(String binding, String token) {
    if (!wellFormedBinding(binding) || token == null) {
      return Future.succeededFuture(false);
    }
    return key().map(spec -> MessageDigest.isEqual(hmac(spec, binding).getBytes(StandardCharsets.US_ASCII),
      token.getBytes(StandardCharsets.UTF_8)));
  }

  /** Fetched once from user-auth; a failed fetch is forgotten so the next request asks again. */
  private Future<SecretKeySpec> key() {
    if (key == null) {
      key = services.<Buffer>request(Addresses.Auth.CSRF_KEY, "")
        .map(raw -> new SecretKeySpec(raw.getBytes(), "HmacSHA256"))
        .onFailure(failure -> key = null);
    }
    return key;
  }

  private static String hmac(SecretKeySpec spec, String binding) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(spec);
      return Base64.getUrlEncoder().withoutPadding()
        .encodeToString(mac.doFinal(binding.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 unavailable", e);
    }
  }
}
