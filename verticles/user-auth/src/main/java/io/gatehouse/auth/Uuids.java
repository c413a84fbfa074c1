package io.gatehouse.auth;

import io.gatehouse.contract.ids.UuidText;

import java.util.Optional;
import java.util.UUID;

/** Reads ids sent over the bus; anything but the canonical 36-character form is no id at all. */
final class Uuids {

  private Uuids() {
  }

  static Optional<UUID> parse(String id) {
    return UuidText.isCanonical(id) ? Optional.of(UUID.fromString(id)) : Optional.empty();
  }
}
