package io.gatehouse.auth;

import io.vertx.core.Future;

/** Delivers a one-time password to an identifier (mail, SMS, ...). Implementations never log the OTP. */
public interface OtpSender {

  /** Completes once the notification is durably queued or sent. */
  Future<Void> send(String identifier, String purpose, String otp, long ttlSeconds);
}
