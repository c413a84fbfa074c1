package io.gatehouse.bench;

import java.util.Locale;

/** What the generator loads: a Gatehouse gateway (REST accounts, JWT in the path) or the raw ceiling server. */
public enum Target {
  GATEHOUSE,
  RAW;

  static Target parse(String value) {
    try {
      return valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--target must be gatehouse or raw, not " + value);
    }
  }

  String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
