package io.gatehouse.stomp;

/** A frame the bridge refuses: the session answers with an ERROR frame carrying {@code message}, then closes. */
final class StompRefusal extends RuntimeException {

  StompRefusal(String message) {
    super(message, null, false, false);
  }
}
