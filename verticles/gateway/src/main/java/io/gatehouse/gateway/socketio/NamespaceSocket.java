package io.gatehouse.gateway.socketio;

import io.vertx.core.json.JsonObject;

/** The handler of one admitted client socket in a namespace. */
public interface NamespaceSocket {

  /** The CONNECT reply has been sent: the socket may now emit. */
  default void onJoined() {
  }

  /** An event; {@code ack} is null when the client asked for no acknowledgement. */
  void onEvent(String event, Object argument, Acknowledgement ack);

  /**
   * An event that came with binary attachments, which are read and refused; {@code ack} is null when the
   * client asked for no acknowledgement.
   */
  default void onBinaryRefused(String event, Acknowledgement ack) {
    if (ack != null) {
      ack.reply(new JsonObject().put("event", event).put("error", "binary_not_supported")
        .put("message", "Binary attachments are not supported"));
    }
  }

  /** The client left the namespace or the connection closed; called once. */
  void onDisconnect(String reason);

  /** Answers one acknowledgement request, at most once. */
  @FunctionalInterface
  interface Acknowledgement {
    void reply(Object argument);
  }
}
