package io.gatehouse.gateway.socketio;

/**
 * A client broke the Engine.IO or Socket.IO protocol (garbage, a wrong type, an oversized packet). The
 * session is closed; this is an expected outcome, logged at debug, never with a stack trace.
 */
public final class ProtocolError extends RuntimeException {

  public ProtocolError(String reason) {
    super(reason, null, false, false);
  }
}
