package io.gatehouse.auth;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.text.CanonicalText;
import io.gatehouse.contract.auth.FindUser;
import io.gatehouse.contract.auth.ListUsers;
import io.gatehouse.contract.auth.LoginUser;
import io.gatehouse.contract.auth.Principal;
import io.gatehouse.contract.auth.RegisterUser;
import io.gatehouse.contract.auth.UserPage;
import io.gatehouse.contract.auth.UserSession;
import io.gatehouse.contract.auth.UserSummary;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Registration, login and look-ups of users. Password hashing runs on worker threads. */
final class UserAccounts {

  static final String ALREADY_EXISTS = "already_exists";
  static final String INVALID_CREDENTIALS = "invalid_credentials";
  /** Too many failed logins for this username lately. */
  static final String LOGIN_THROTTLED = "login_throttled";
  static final String USER_NOT_FOUND = "user_not_found";
  static final String INVALID_REQUEST = "invalid_request";
  static final int MAX_PAGE = 500;

  private final Vertx vertx;
  private final UserRepository users;
  private final PasswordHasher hasher;
  private final TokenService tokens;
  private final long tokenTtlSeconds;
  private final LoginThrottle throttle;

  UserAccounts(Vertx vertx, UserRepository users, PasswordHasher hasher, TokenService tokens, long tokenTtlSeconds,
               LoginThrottle throttle) {
    this.vertx = vertx;
    this.throttle = throttle;
    this.users = users;
    this.hasher = hasher;
    this.tokens = tokens;
    this.tokenTtlSeconds = tokenTtlSeconds;
  }

  /** Usernames are stored and looked up in NFC; a name that is not well-formed text matches nobody. */
  Future<UserSession> register(RegisterUser sent) {
    RegisterUser request = new RegisterUser(CanonicalText.name(sent.username()).orElse(null), sent.password(),
      sent.email());
    Optional<String> violation = RegistrationRules.violation(request);
    if (violation.isPresent()) {
      return ServiceFailure.fail(FailureCode.BAD_REQUEST, violation.get());
    }
    UUID id = UUID.randomUUID();
    return vertx.executeBlocking(() -> hasher.hash(request.password()), false)
      .compose(hash -> users.insert(id, request.username(), request.email(), hash))
      .recover(UserAccounts::handleInsertError)
      .map(v -> session(id, request.username()));
  }

  Future<UserSession> login(LoginUser request) {
    String username = CanonicalText.name(request.username()).orElse(null);
    if (username == null || !RegistrationRules.acceptablePassword(request.password())) {
      return ServiceFailure.fail(FailureCode.UNAUTHORIZED, INVALID_CREDENTIALS);
    }
    return throttle.locked(username).compose(locked -> locked
      ? ServiceFailure.fail(FailureCode.RATE_LIMITED, LOGIN_THROTTLED)
      : users.findCredentials(username)
        .compose(found -> checkPassword(request.password(), found))
        .compose(user -> user
          .map(matched -> throttle.succeeded(username).map(v -> session(matched.id(), matched.username())))
          .orElseGet(() -> throttle.failed(username)
            .compose(v -> ServiceFailure.fail(FailureCode.UNAUTHORIZED, INVALID_CREDENTIALS)))));
  }

  /** The user when the password matches; an unknown user costs one decoy verification, so timing tells nothing. */
  private Future<Optional<UserRepository.StoredUser>> checkPassword(String password,
                                                                     Optional<UserRepository.StoredUser> found) {
    return vertx.executeBlocking(() -> {
      if (found.isEmpty()) {
        hasher.verifyDecoy(password);
        return Optional.empty();
      }
      return found.filter(user -> hasher.verify(password, user.passwordHash()));
    }, false);
  }

  Future<UserSummary> find(FindUser request) {
    if (request.userId() != null) {
      return Uuids.parse(request.userId())
        .map(users::findById)
        .orElseGet(() -> Future.succeededFuture(Optional.empty()))
        .compose(UserAccounts::foundOrNotFound);
    }
    if (request.username() != null) {
      return CanonicalText.name(request.username()).map(users::findByUsername)
        .orElseGet(() -> Future.succeededFuture(Optional.empty())).compose(UserAccounts::foundOrNotFound);
    }
    return ServiceFailure.fail(FailureCode.BAD_REQUEST, INVALID_REQUEST);
  }

  /** One page; asks for one row more than the page to learn whether another page follows. */
  Future<UserPage> list(ListUsers request) {
    int limit = Math.max(1, Math.min(MAX_PAGE, request.limit()));
    return users.listAfter(request.after(), limit + 1).map(found -> {
      if (found.size() <= limit) {
        return new UserPage(found, null);
      }
      List<UserSummary> page = found.subList(0, limit);
      return new UserPage(page, page.get(limit - 1).username());
    });
  }

  private UserSession session(UUID id, String username) {
    String token = tokens.issue(id.toString(), username, Principal.Kind.USER, tokenTtlSeconds).token();
    return new UserSession(id.toString(), username, token);
  }

  private static Future<Void> handleInsertError(Throwable failure) {
    return SqlStates.is(failure, SqlStates.UNIQUE_VIOLATION)
      ? ServiceFailure.fail(FailureCode.CONFLICT, ALREADY_EXISTS)
      : Future.failedFuture(failure);
  }

  private static Future<UserSummary> foundOrNotFound(Optional<UserSummary> user) {
    return user.map(Future::succeededFuture).orElseGet(() -> ServiceFailure.fail(FailureCode.NOT_FOUND, USER_NOT_FOUND));
  }
}
