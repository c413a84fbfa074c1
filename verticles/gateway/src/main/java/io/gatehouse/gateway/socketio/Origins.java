package io.gatehouse.gateway.socketio;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

import java.net.URI;

/** The Origin check of WebSocket upgrades: no Origin (non-browser clients) or the host itself. */
final class Origins {

  private Origins() {
  }

  static boolean allowed(HttpServerRequest request) {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null) {
      return true;
    }
    try {
      String authority = URI.create(origin).getRawAuthority();
      return authority != null && authority.equalsIgnoreCase(request.getHeader(HttpHeaders.HOST));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
