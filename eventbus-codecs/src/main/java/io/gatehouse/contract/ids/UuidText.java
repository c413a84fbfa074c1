package io.gatehouse.contract.ids;

/**
 * The canonical text form of a UUID: 36 characters, hex digits in groups of 8-4-4-4-12 separated by dashes,
 * either case. Checked by hand because it runs for every chat event (a regular expression cost ~2 % of the
 * gateway's CPU under chat load); {@link java.util.UUID#fromString} alone also accepts short groups.
 */
public final class UuidText {

  private static final int LENGTH = 36;

  private UuidText() {
  }

  public static boolean isCanonical(String text) {
    if (text == null || text.length() != LENGTH) {
      return false;
    }
    for (int i = 0; i < LENGTH; i++) {
      char c = text.charAt(i);
      boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
      if (dash ? c != '-' : !isHexDigit(c)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isHexDigit(char c) {
    return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
  }
}
