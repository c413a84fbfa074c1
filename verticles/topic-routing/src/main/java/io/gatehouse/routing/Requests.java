package io.gatehouse.routing;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.text.CanonicalText;

import java.util.UUID;

/** Checks on request fields that every routing action shares. Failures are BAD_REQUEST {@code invalid_request}. */
final class Requests {

  static final String INVALID = "invalid_request";

  /** Longest topic name, in code points. */
  static final int MAX_NAME_LENGTH = 128;

  /** Names starting with this are reserved for topics the service names itself (inboxes, chats). */
  static final String RESERVED_PREFIX = "@";

  private static final String INBOX_PREFIX = RESERVED_PREFIX + "inbox/";

  private Requests() {
  }

  static UUID userId(String id) {
    if (id == null) {
      throw ServiceFailure.of(FailureCode.BAD_REQUEST, INVALID);
    }
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ServiceFailure.of(FailureCode.BAD_REQUEST, INVALID);
    }
  }

  /** A name a user may give a new topic: a well-formed name that is not reserved. */
  static String newTopicName(String name) {
    String canonical = existingTopicName(name);
    if (canonical.startsWith(RESERVED_PREFIX)) {
      throw ServiceFailure.of(FailureCode.BAD_REQUEST, INVALID);
    }
    return canonical;
  }

  /**
   * A name to look a topic up by, in NFC (CanonicalText): well-formed, not blank, not too long, no control
   * characters. A NUL would even fail the statement it is sent in, and with it every request batched alongside.
   */
  static String existingTopicName(String name) {
    String canonical = CanonicalText.name(name).orElse(null);
    boolean valid = canonical != null && !canonical.isBlank()
      && canonical.codePointCount(0, canonical.length()) <= MAX_NAME_LENGTH;
    if (!valid) {
      throw ServiceFailure.of(FailureCode.BAD_REQUEST, INVALID);
    }
    return canonical;
  }

  /** Free text stored in the log: present, within the limit, well-formed and without NUL (PostgreSQL refuses it). */
  static String text(String value, int maxChars) {
    if (value == null || value.length() > maxChars || value.indexOf('\0') >= 0 || !CanonicalText.wellFormed(value)) {
      throw ServiceFailure.of(FailureCode.BAD_REQUEST, INVALID);
    }
    return value;
  }

  static String inboxName(UUID owner) {
    return INBOX_PREFIX + owner;
  }
}
