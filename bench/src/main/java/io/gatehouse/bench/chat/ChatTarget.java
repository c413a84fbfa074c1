package io.gatehouse.bench.chat;

import java.util.Locale;

/** Whom the chat load runs against: Gatehouse (registered users, JWTs) or the npm socket.io peer (any token). */
public enum ChatTarget {
  GATEHOUSE,
  PEER;

  static ChatTarget parse(String value) {
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--target must be gatehouse or peer, not " + value);
    }
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
