package io.gatehouse.contract.face;

/** What a face session is for; the lower-case name is the seed's {@code session_type}. */
public enum SessionType {
  ENROLLMENT, AUTHENTICATION;

  public String wireName() {
    return name().toLowerCase();
  }
}
