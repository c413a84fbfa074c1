package io.gatehouse.contract.edge;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * Which browser Origins may open a WebSocket (or SockJS) connection: a request without Origin (not a browser)
 * and a page served by the host itself always may; others only when listed, or when the list holds
 * {@code *}. One rule for every listener (gateway, event-bus bridge, STOMP), so they refuse alike.
 */
public final class OriginPolicy {

  private final Set<String> allowed;

  public OriginPolicy(List<String> allowedOrigins) {
    this.allowed = Set.copyOf(allowedOrigins);
  }

  /** {@code origin}: the Origin header (may be null); {@code host}: the Host header the request was sent to. */
  public boolean allows(String origin, String host) {
    if (origin == null || allowed.contains("*") || allowed.contains(origin)) {
      return true;
    }
    try {
      String authority = URI.create(origin).getRawAuthority();
      return authority != null && authority.equalsIgnoreCase(host);
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
