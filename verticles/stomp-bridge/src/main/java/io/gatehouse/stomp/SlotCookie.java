package io.gatehouse.stomp;

/**
 * The {@code IDV_SLOT_ALLOTTED=<transactionId>###<slotId>} cookie of a slot handshake (the seed document's
 * spelling {@code IDV_SLOT_ALOTTED} is accepted too), read from a raw {@code Cookie} header.
 */
record SlotCookie(String transactionId, String slotId) {

  static final String NAME = "IDV_SLOT_ALLOTTED";
  static final String SEED_NAME = "IDV_SLOT_ALOTTED";
  static final String SEPARATOR = "###";

  /** The slot cookie of a {@code Cookie} header, or null when absent or malformed. */
  static SlotCookie parse(String cookieHeader) {
    if (cookieHeader == null) {
      return null;
    }
    String value = null;
    for (String pair : cookieHeader.split(";")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        continue;
      }
      String name = pair.substring(0, eq).trim();
      if (name.equals(NAME) || name.equals(SEED_NAME) && value == null) {
        value = unquote(pair.substring(eq + 1).trim());
      }
    }
    if (value == null) {
      return null;
    }
    int split = value.indexOf(SEPARATOR);
    if (split <= 0 || split + SEPARATOR.length() >= value.length()) {
      return null;
    }
    return new SlotCookie(value.substring(0, split), value.substring(split + SEPARATOR.length()));
  }

  private static String unquote(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
      ? value.substring(1, value.length() - 1) : value;
  }
}
