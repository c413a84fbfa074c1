package io.gatehouse.bench;

import java.util.Map;

/** Reading and checking the {@code --key value} options of the bench's command lines. */
public final class CliArgs {

  private CliArgs() {
  }

  /** The whole number given for {@code key}, or {@code fallback} when it is absent. */
  public static int intOf(Map<String, String> given, String key, int fallback) {
    String value = given.get(key);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " must be a whole number, not " + value);
    }
  }

  public static void requireAtLeast(String key, long value, long min) {
    if (value < min) {
      throw new IllegalArgumentException("--" + key + " must be at least " + min + ", not " + value);
    }
  }
}
