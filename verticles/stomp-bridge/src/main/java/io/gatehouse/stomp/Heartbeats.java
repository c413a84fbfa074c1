package io.gatehouse.stomp;

/**
 * STOMP heart-beat negotiation: the client's {@code heart-beat:cx,cy} against ours ({@code s,s}). We send
 * every max(cy, s) and expect something from the client every max(cx, s); 0 on either side means never.
 */
record Heartbeats(long sendEveryMs, long expectEveryMs) {

  static final Heartbeats NONE = new Heartbeats(0, 0);

  /** The negotiated periods, or null when the header is malformed. An absent header means 0,0. */
  static Heartbeats negotiate(String clientHeader, long oursMs) {
    if (clientHeader == null) {
      return NONE;
    }
    String[] parts = clientHeader.trim().split(",");
    if (parts.length != 2 || !parts[0].trim().matches("[0-9]{1,9}") || !parts[1].trim().matches("[0-9]{1,9}")) {
      return null;
    }
    long cx = Long.parseLong(parts[0].trim());
    long cy = Long.parseLong(parts[1].trim());
    return new Heartbeats(cy == 0 || oursMs == 0 ? 0 : Math.max(cy, oursMs),
      cx == 0 || oursMs == 0 ? 0 : Math.max(cx, oursMs));
  }

  boolean active() {
    return sendEveryMs > 0 || expectEveryMs > 0;
  }

  /** How often to look at the connection: often enough for both directions. */
  long tickMs() {
    long shortest = Math.min(sendEveryMs == 0 ? Long.MAX_VALUE : sendEveryMs,
      expectEveryMs == 0 ? Long.MAX_VALUE : expectEveryMs);
    return Math.max(50, shortest / 2);
  }
}
