package io.gatehouse.auth;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.auth.IssueCode;
import io.gatehouse.contract.auth.IssuedToken;
import io.gatehouse.contract.auth.RedeemCode;
import io.gatehouse.contract.auth.UserSummary;
import io.vertx.core.Future;

import java.util.Optional;

/** Short-lived, single-use codes that stand for a user; only their SHA-256 is stored. */
final class AuthorizationCodes {

  static final String INVALID_CODE = "invalid_code";
  static final int CODE_BYTES = 32;

  private final AuthorizationCodeRepository codes;
  private final long ttlSeconds;

  AuthorizationCodes(AuthorizationCodeRepository codes, long ttlSeconds) {
    this.codes = codes;
    this.ttlSeconds = ttlSeconds;
  }

  Future<IssuedToken> issue(IssueCode request) {
    String code = RandomTokens.base64Url(CODE_BYTES);
    return Uuids.parse(request.userId())
      .map(userId -> codes.insert(RandomTokens.sha256(code), userId, ttlSeconds).recover(AuthorizationCodes::handleInsertError))
      .orElseGet(AuthorizationCodes::userNotFound)
      .map(expiresAt -> new IssuedToken(code, expiresAt));
  }

  Future<UserSummary> redeem(RedeemCode request) {
    Future<Optional<UserSummary>> redeemed = request.code() == null
      ? Future.succeededFuture(Optional.empty())
      : codes.redeem(RandomTokens.sha256(request.code()));
    return redeemed.compose(user -> user
      .map(Future::succeededFuture)
      .orElseGet(() -> ServiceFailure.fail(FailureCode.UNAUTHORIZED, INVALID_CODE)));
  }

  /** The insert names a user that does not exist when the foreign key refuses it. */
  private static Future<Long> handleInsertError(Throwable failure) {
    return SqlStates.is(failure, SqlStates.FOREIGN_KEY_VIOLATION) ? userNotFound() : Future.failedFuture(failure);
  }

  private static Future<Long> userNotFound() {
    return ServiceFailure.fail(FailureCode.NOT_FOUND, UserAccounts.USER_NOT_FOUND);
  }
}
