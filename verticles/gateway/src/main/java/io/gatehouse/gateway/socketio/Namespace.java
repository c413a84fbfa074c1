package io.gatehouse.gateway.socketio;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** A Socket.IO namespace: admits client sockets (CONNECT) and handles their events. */
public interface Namespace {

  /**
   * Admits a socket: succeeds with its event handler, or fails; the failure's message becomes the
   * CONNECT_ERROR message ({@link ConnectRefused} carries a client-facing one).
   */
  Future<NamespaceSocket> connect(ClientSocket client, JsonObject auth);

  /** Why a namespace refused a CONNECT, in words a client may see. */
  final class ConnectRefused extends RuntimeException {
    public ConnectRefused(String message) {
      super(message, null, false, false);
    }
  }
}
