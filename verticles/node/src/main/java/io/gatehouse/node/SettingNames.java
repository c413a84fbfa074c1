package io.gatehouse.node;

import io.vertx.core.json.JsonObject;
import org.apache.commons.text.similarity.LevenshteinDistance;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Helps with override names: whether one starts with a known section, and which key a typo meant. */
final class SettingNames {

  private static final LevenshteinDistance DISTANCE = LevenshteinDistance.getDefaultInstance();

  private SettingNames() {
  }

  /** Whether some leading run of {@code parts}, glued together, names a top-level section of {@code config}. */
  static boolean namesSection(JsonObject config, String[] parts) {
    for (int length = 1; length <= parts.length; length++) {
      String glued = String.join("", Arrays.copyOfRange(parts, 0, length));
      boolean found = config.fieldNames().stream()
        .anyMatch(name -> name.equalsIgnoreCase(glued) && config.getValue(name) instanceof JsonObject);
      if (found) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code "; did you mean section.key?"} for the key of {@code section} closest to {@code typed}, or a
   * pointer to the defaults file when nothing is close (more than half of the name would have to change).
   */
  static String suggestion(JsonObject section, List<String> path, String typed) {
    String prefix = path.isEmpty() ? "" : String.join(".", path) + ".";
    return closest(section, typed)
      .map(key -> "; did you mean " + prefix + key + "?")
      .orElse(" (see conf/gatehouse.json for the keys)");
  }

  static Optional<String> closest(JsonObject section, String typed) {
    String lower = typed.toLowerCase(Locale.ROOT);
    return section.fieldNames().stream()
      .min(Comparator.comparingInt(key -> DISTANCE.apply(lower, key.toLowerCase(Locale.ROOT))))
      .filter(key -> DISTANCE.apply(lower, key.toLowerCase(Locale.ROOT)) <= Math.max(2, key.length() / 2));
  }
}
