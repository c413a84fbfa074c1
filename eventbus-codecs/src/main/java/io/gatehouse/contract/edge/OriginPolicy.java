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
  private final Set<Integer> siblingPorts;

  public OriginPolicy(List<String> allowedOrigins) {
    this(allowedOrigins, Set.of());
  }

  /**
   * {@code siblingPorts}: pages the same host serves on these ports pass too. The STOMP listener names the
   * gateway's port, so the web console the gateway serves can open its STOMP WebSocket.
   */
  public OriginPolicy(List<String> allowedOrigins, Set<Integer> siblingPorts) {
    this.allowed = Set.copyOf(allowedOrigins);
    this.siblingPorts = Set.copyOf(siblingPorts);
  }

  /** {@code origin}: the Origin header (may be null); {@code host}: the Host header the request was sent to. */
  public boolean allows(String origin, String host) {
    if (origin == null || allowed.contains("*") || allowed.contains(origin)) {
      return true;
    }
    try {
      URI page = URI.create(origin);
      String authority = page.getRawAuthority();
      if (authority == null || host == null) {
        return false;
      }
      return authority.equalsIgnoreCase(host) || sibling(page, URI.create("http://" + host).getHost());
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private boolean sibling(URI page, String hostName) {
    int port = page.getPort() != -1 ? page.getPort() : "https".equalsIgnoreCase(page.getScheme()) ? 443 : 80;
    return page.getHost() != null && page.getHost().equalsIgnoreCase(hostName) && siblingPorts.contains(port);
  }
}
