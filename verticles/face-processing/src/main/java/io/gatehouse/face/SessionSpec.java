package io.gatehouse.face;

import io.gatehouse.contract.face.SessionType;

/** A claimed session as stored: whose it is, what it is for and what it needs to complete. */
record SessionSpec(String id, String sessionToken, String clientId, SessionType type, String userId,
                   String enrollmentId, int target, int requiredBlinks, boolean requireLiveness) {

  @Override
  public String toString() {
    return "SessionSpec[id=" + id + ", type=" + type + ", clientId=" + clientId + "]";
  }
}
