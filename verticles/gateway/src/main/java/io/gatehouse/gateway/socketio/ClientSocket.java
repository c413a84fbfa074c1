package io.gatehouse.gateway.socketio;

/** What a namespace sees of a client socket: who it is and how to emit to it. */
public interface ClientSocket {

  /** The socket's id in its namespace (the {@code sid} of the CONNECT reply). */
  String id();

  /** The Authorization header of the Engine.IO handshake request, or null. */
  String authorization();

  /** Emits an event with one argument to this socket. */
  void emit(String event, Object argument);

  /** Emits an event encoded once for several sockets. */
  void emit(EncodedEvent event);

  /** Removes the socket from its namespace (a DISCONNECT packet to the client). */
  void disconnect();

  boolean connected();
}
