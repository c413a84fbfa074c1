package io.gatehouse.auth;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Reads ids sent over the bus; anything but the canonical 36-character form is no id at all. */
final class Uuids {

  private static final Pattern CANONICAL =
    Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private Uuids() {
  }

  static Optional<UUID> parse(String id) {
    return id != null && CANONICAL.matcher(id).matches() ? Optional.of(UUID.fromString(id)) : Optional.empty();
  }
}
