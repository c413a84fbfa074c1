package io.gatehouse.contract.edge;

import io.vertx.core.json.JsonObject;

/**
 * TLS for every listener of a node, from PEM files: {@code certPath} holds the certificate chain (leaf
 * first), {@code keyPath} its private key (PKCS#8 or PKCS#1). While on, HTTP responses carry
 * {@code Strict-Transport-Security: max-age=<hstsMaxAgeSeconds>} (0 leaves the header out).
 */
public record TlsOptions(boolean enabled, String certPath, String keyPath, long hstsMaxAgeSeconds) {

  public static final long DEFAULT_HSTS_MAX_AGE_SECONDS = 31_536_000;

  public TlsOptions {
    if (enabled && (blank(certPath) || blank(keyPath))) {
      throw new IllegalArgumentException("edge.tls.enabled needs edge.tls.certPath and edge.tls.keyPath (PEM files)");
    }
    if (hstsMaxAgeSeconds < 0) {
      throw new IllegalArgumentException("edge.tls.hstsMaxAgeSeconds must not be negative");
    }
  }

  public static TlsOptions from(JsonObject tls) {
    return new TlsOptions(tls.getBoolean("enabled", false), tls.getString("certPath"), tls.getString("keyPath"),
      tls.getLong("hstsMaxAgeSeconds", DEFAULT_HSTS_MAX_AGE_SECONDS));
  }

  /** The value of the {@code Strict-Transport-Security} header, or null when none is sent. */
  public String hstsHeader() {
    return enabled && hstsMaxAgeSeconds > 0 ? "max-age=" + hstsMaxAgeSeconds : null;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
