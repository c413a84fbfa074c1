package io.gatehouse.ekyc;

/** The statuses of a verification, as {@code GET /identity-verification/status} reports them. */
final class VerificationStates {

  static final String STARTED = "STARTED";
  static final String UPDATE_PENDING = "UPDATE_PENDING";
  static final String COMPLETED = "COMPLETED";
  static final String FAILED = "FAILED";

  private VerificationStates() {
  }
}
