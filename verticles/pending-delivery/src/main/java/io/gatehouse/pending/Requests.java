package io.gatehouse.pending;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;

import java.util.UUID;

/** Checks on request fields. Failures are BAD_REQUEST {@code invalid_request}. */
final class Requests {

  static final String INVALID = "invalid_request";

  private Requests() {
  }

  static UUID userId(String id) {
    try {
      return UUID.fromString(String.valueOf(id));
    } catch (IllegalArgumentException e) {
      throw ServiceFailure.of(FailureCode.BAD_REQUEST, INVALID);
    }
  }
}
