package io.gatehouse.face.polyglot;

import io.gatehouse.contract.edge.TlsOptions;
import io.vertx.core.json.JsonObject;

/**
 * How the engine bridge's listener guards itself ({@code face} section): a peer from which nothing was read for
 * {@code bridgeIdleTimeoutMs} is closed (workers send a bridge {@code ping} every quarter of it); a frame longer
 * than {@code bridgeMaxFrameBytes} is refused (default: room for a face frame of {@code engine.maxFrameBytes},
 * base64-encoded, and its envelope; null or absent for that default); {@code bridgeTls} ({@code enabled}, {@code certPath}, {@code keyPath} as PEM
 * files, like {@code edge.tls}) puts the bridge on TLS, and workers this node starts then trust {@code caPath}
 * (default: the certificate itself, as for a self-signed one).
 */
public record BridgeSecurity(long idleTimeoutMs, int maxFrameBytes, TlsOptions tls, String caPath) {

  public static final long DEFAULT_IDLE_TIMEOUT_MS = 60_000;
  /** Room for the JSON envelope around a base64 image. */
  static final int ENVELOPE_BYTES = 64 * 1024;

  public BridgeSecurity {
    if (idleTimeoutMs < 1_000 || maxFrameBytes < 1_024) {
      throw new IllegalArgumentException("face.bridgeIdleTimeoutMs must be at least 1000 and"
        + " face.bridgeMaxFrameBytes at least 1024");
    }
  }

  static BridgeSecurity from(JsonObject face, int maxImageBytes) {
    JsonObject tls = face.getJsonObject("bridgeTls", new JsonObject());
    if (tls.getBoolean("enabled", false) && (blank(tls.getString("certPath")) || blank(tls.getString("keyPath")))) {
      throw new IllegalArgumentException("face.bridgeTls.enabled needs face.bridgeTls.certPath and keyPath"
        + " (PEM files)");
    }
    String caPath = tls.getString("caPath");
    return new BridgeSecurity(
      face.getLong("bridgeIdleTimeoutMs", DEFAULT_IDLE_TIMEOUT_MS),
      face.getValue("bridgeMaxFrameBytes") == null ? defaultMaxFrameBytes(maxImageBytes)
        : face.getInteger("bridgeMaxFrameBytes"),
      TlsOptions.from(tls.copy().put("hstsMaxAgeSeconds", 0L)),
      blank(caPath) ? tls.getString("certPath") : caPath);
  }

  /** A frame carrying an image of {@code maxImageBytes} in base64, with its envelope. */
  static int defaultMaxFrameBytes(int maxImageBytes) {
    long base64 = 4L * ((maxImageBytes + 2L) / 3);
    return (int) Math.min(Integer.MAX_VALUE, base64 + ENVELOPE_BYTES);
  }

  /** How often a worker pings the bridge so that an idle worker is never closed. */
  public long pingMs() {
    return Math.max(250, idleTimeoutMs / 4);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
