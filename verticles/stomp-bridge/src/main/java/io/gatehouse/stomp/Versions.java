package io.gatehouse.stomp;

import java.util.Arrays;
import java.util.Set;

/** STOMP version negotiation: the highest of the client's {@code accept-version} that Gatehouse speaks. */
final class Versions {

  private static final Set<String> SPOKEN = Set.of("1.0", "1.1", "1.2");

  private Versions() {
  }

  /** "1.2", "1.1" or "1.0"; an absent header means a STOMP 1.0 client; null when nothing matches. */
  static String agree(String acceptVersion) {
    if (acceptVersion == null) {
      return "1.0";
    }
    return Arrays.stream(acceptVersion.split(",")).map(String::trim).filter(SPOKEN::contains)
      .max(String::compareTo).orElse(null);
  }
}
