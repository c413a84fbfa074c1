package io.gatehouse.auth;

import io.gatehouse.contract.auth.RegisterUser;

import java.util.Optional;

/** What a new account must look like; each broken rule has its own machine reason. */
final class RegistrationRules {

  static final String INVALID_USERNAME = "invalid_username";
  static final String INVALID_PASSWORD = "invalid_password";
  static final String INVALID_EMAIL = "invalid_email";
  static final int MAX_USERNAME_CHARS = 64;
  static final int MIN_PASSWORD_CHARS = 8;
  /** Bounds the Argon2 input so a huge password cannot be used to burn CPU. */
  static final int MAX_PASSWORD_CHARS = 1024;
  static final int MAX_EMAIL_CHARS = 254;

  private RegistrationRules() {
  }

  /** The reason the request is refused, or empty when it may proceed. Usernames are kept exactly as sent. */
  static Optional<String> violation(RegisterUser request) {
    if (!validUsername(request.username())) {
      return Optional.of(INVALID_USERNAME);
    }
    if (!acceptablePassword(request.password())) {
      return Optional.of(INVALID_PASSWORD);
    }
    if (!validEmail(request.email())) {
      return Optional.of(INVALID_EMAIL);
    }
    return Optional.empty();
  }

  static boolean validUsername(String username) {
    return username != null && !username.isBlank()
      && username.codePointCount(0, username.length()) <= MAX_USERNAME_CHARS
      && username.codePoints().noneMatch(Character::isISOControl);
  }

  /** Also the bound applied at login, before any hashing. */
  static boolean acceptablePassword(String password) {
    return password != null && !password.isBlank()
      && password.length() >= MIN_PASSWORD_CHARS && password.length() <= MAX_PASSWORD_CHARS;
  }

  static boolean validEmail(String email) {
    if (email == null || email.isBlank() || email.length() > MAX_EMAIL_CHARS) {
      return false;
    }
    int at = email.indexOf('@');
    return at > 0 && at == email.lastIndexOf('@') && at < email.length() - 1
      && email.codePoints().noneMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c));
  }
}
