package io.gatehouse.contract;

import java.util.Arrays;

/**
 * Why a service refused a request. Services fail with one of these; each edge protocol maps them once
 * (HTTP status, action-protocol error, close code, Socket.IO error, STOMP ERROR).
 */
public enum FailureCode {
  BAD_REQUEST(400),
  UNAUTHORIZED(401),
  FORBIDDEN(403),
  NOT_FOUND(404),
  CONFLICT(409),
  RATE_LIMITED(429),
  INTERNAL(500),
  UNAVAILABLE(503);

  private final int value;

  FailureCode(int value) {
    this.value = value;
  }

  /** The int carried as {@code ReplyException.failureCode()}; equal to the closest HTTP status. */
  public int value() {
    return value;
  }

  public static FailureCode fromValue(int value) {
    return Arrays.stream(values()).filter(code -> code.value == value).findFirst().orElse(INTERNAL);
  }
}
