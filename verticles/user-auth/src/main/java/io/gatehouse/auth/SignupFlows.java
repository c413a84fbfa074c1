package io.gatehouse.auth;

import io.gatehouse.operations.GatehouseMetrics;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.signup.CreateAccount;
import io.gatehouse.contract.signup.IssueChallenge;
import io.gatehouse.contract.signup.MarkVerified;
import io.gatehouse.contract.signup.ResetPassword;
import io.gatehouse.contract.signup.SignupStatus;
import io.gatehouse.contract.signup.SignupStatusQuery;
import io.gatehouse.contract.signup.SignupTransaction;
import io.gatehouse.contract.signup.VerifyChallenge;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * The signup flows of seed 000: OTP challenge, its verification, then registration or password reset.
 * Each refusal carries the original service's error code as its reason.
 */
final class SignupFlows {

  static final String REGISTRATION = "REGISTRATION";
  static final String RESET_PASSWORD = "RESET_PASSWORD";
  static final String PENDING = "PENDING";
  static final String COMPLETED = "COMPLETED";
  static final String FAILED = "FAILED";
  private static final Set<String> PURPOSES = Set.of(REGISTRATION, RESET_PASSWORD);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Vertx vertx;
  private final SignupRepository store;
  private final PasswordHasher hasher;
  private final OtpSender sender;
  private final SignupOptions options;

  SignupFlows(Vertx vertx, SignupRepository store, PasswordHasher hasher, OtpSender sender, SignupOptions options) {
    this.vertx = vertx;
    this.store = store;
    this.hasher = hasher;
    this.sender = sender;
    this.options = options;
  }

  Future<SignupTransaction> issue(IssueChallenge request) {
    if (request.purpose() == null || !PURPOSES.contains(request.purpose())) {
      return refuse("invalid_purpose");
    }
    String identifier = request.identifier();
    if (identifier == null || !options.identifierPattern().matcher(identifier).matches()) {
      return refuse("invalid_identifier");
    }
    return store.blocked(identifier).compose(blocked -> blocked
      ? blocked()
      : store.identifierUse(identifier, options.identifierWindowSeconds()).compose(use -> {
        if (use.sends() >= options.maxSendsPerIdentifier()
          || use.failedVerifies() >= options.maxFailedVerifiesPerIdentifier()) {
          return store.block(identifier, options.blockSeconds()).compose(v -> blocked());
        }
        return request.regenerate() && request.transactionId() != null ? regenerate(request) : open(request);
      }));
  }

  private static <T> Future<T> blocked() {
    return ServiceFailure.fail(FailureCode.FORBIDDEN, "identifier_blocked");
  }

  private Future<SignupTransaction> open(IssueChallenge request) {
    String id = RandomTokens.base64Url(32);
    String otp = newOtp();
    return store.insert(RandomTokens.sha256(id), request.identifier(), request.purpose(), RandomTokens.sha256(otp),
        options.otpTtlSeconds(), options.transactionTtlSeconds())
      .compose(v -> sender.send(request.identifier(), request.purpose(), otp, options.otpTtlSeconds()))
      .onSuccess(v -> GatehouseMetrics.otpSent())
      .map(v -> transaction(id, options.transactionTtlSeconds()));
  }

  private Future<SignupTransaction> regenerate(IssueChallenge request) {
    byte[] idHash = RandomTokens.sha256(request.transactionId());
    return store.challenge(idHash, options.resendDelaySeconds()).compose(found -> {
      if (found.isEmpty()) {
        return refuse("invalid_transaction");
      }
      SignupRepository.Challenge challenge = found.get();
      if (!challenge.identifier().equals(request.identifier()) || !challenge.purpose().equals(request.purpose())) {
        return refuse("identifier_mismatch");
      }
      if (challenge.tooEarly()) {
        return refuse("too_early_attempt");
      }
      if (challenge.sends() > options.maxResends()) {
        return store.block(challenge.identifier(), options.blockSeconds())
          .compose(v -> ServiceFailure.fail(FailureCode.FORBIDDEN, "identifier_blocked"));
      }
      String otp = newOtp();
      return store.resend(idHash, RandomTokens.sha256(otp), options.otpTtlSeconds())
        .compose(v -> sender.send(challenge.identifier(), challenge.purpose(), otp, options.otpTtlSeconds()))
        .onSuccess(v -> GatehouseMetrics.otpSent())
        .map(v -> transaction(request.transactionId(), options.transactionTtlSeconds()));
    });
  }

  Future<SignupTransaction> verify(VerifyChallenge request) {
    if (request.transactionId() == null || request.challenge() == null) {
      return refuse(request.transactionId() == null ? "invalid_transaction" : "invalid_challenge");
    }
    byte[] idHash = RandomTokens.sha256(request.transactionId());
    return store.countAttempt(idHash, options.maxVerifyAttempts()).compose(counted -> counted
      .map(challenge -> checkOtp(idHash, challenge, request))
      .orElseGet(() -> store.challenge(idHash, 0).compose(live -> refuse(live.isPresent()
        ? "too_many_verify_attempts" : "invalid_transaction"))));
  }

  private Future<SignupTransaction> checkOtp(byte[] idHash, SignupRepository.Challenge challenge,
                                             VerifyChallenge request) {
    if (!challenge.identifier().equals(request.identifier())) {
      return refuse("identifier_mismatch");
    }
    return store.blocked(challenge.identifier()).compose(blocked -> blocked ? blocked()
      : checkLiveOtp(idHash, challenge, request));
  }

  /** A wrong OTP counts against the identifier too; reaching the limit blocks it for every transaction. */
  private Future<SignupTransaction> wrongOtp(byte[] idHash, String identifier) {
    return store.countFailedVerify(idHash)
      .compose(v -> store.identifierUse(identifier, options.identifierWindowSeconds()))
      .compose(use -> use.failedVerifies() >= options.maxFailedVerifiesPerIdentifier()
        ? store.block(identifier, options.blockSeconds()) : Future.<Void>succeededFuture())
      .compose(v -> refuse("invalid_challenge"));
  }

  private Future<SignupTransaction> checkLiveOtp(byte[] idHash, SignupRepository.Challenge challenge,
                                                 VerifyChallenge request) {
    if (challenge.otpExpired()) {
      return refuse("challenge_expired");
    }
    if (!MessageDigest.isEqual(challenge.otpHash(), RandomTokens.sha256(request.challenge()))) {
      return wrongOtp(idHash, challenge.identifier());
    }
    return store.accountExists(challenge.identifier()).compose(exists -> {
      if (exists && REGISTRATION.equals(challenge.purpose())) {
        return ServiceFailure.fail(FailureCode.CONFLICT, "identifier_already_registered");
      }
      if (!exists && RESET_PASSWORD.equals(challenge.purpose())) {
        return ServiceFailure.fail(FailureCode.NOT_FOUND, "identifier_not_found");
      }
      String verifiedId = RandomTokens.base64Url(32);
      return store.markVerified(idHash, RandomTokens.sha256(verifiedId), options.verifiedTtlSeconds())
        .map(v -> transaction(verifiedId, options.verifiedTtlSeconds()));
    });
  }

  Future<SignupStatus> register(CreateAccount request) {
    if (!"AGREE".equals(request.consent())) {
      return refuse("consent_required");
    }
    if (!RegistrationRules.acceptablePassword(request.password())) {
      return refuse(RegistrationRules.INVALID_PASSWORD);
    }
    return verified(request.verifiedTransactionId(), REGISTRATION).compose(tx -> {
      if (!tx.identifier().equals(request.username())) {
        return refuse("identifier_mismatch");
      }
      return hash(request.password())
        .compose(hash -> store.insertAccount(UUID.randomUUID(), tx.identifier(), request.fullName(), hash))
        .compose(v -> store.finish(tx.idHash(), COMPLETED))
        .recover(failure -> SqlStates.is(failure, SqlStates.UNIQUE_VIOLATION)
          ? store.finish(tx.idHash(), FAILED)
            .compose(v -> ServiceFailure.fail(FailureCode.CONFLICT, "identifier_already_registered"))
          : Future.failedFuture(failure))
        .map(v -> new SignupStatus(PENDING));
    });
  }

  Future<SignupStatus> reset(ResetPassword request) {
    if (!RegistrationRules.acceptablePassword(request.password())) {
      return refuse(RegistrationRules.INVALID_PASSWORD);
    }
    return verified(request.verifiedTransactionId(), RESET_PASSWORD).compose(tx -> {
      if (!tx.identifier().equals(request.identifier())) {
        return refuse("identifier_mismatch");
      }
      return hash(request.password())
        .compose(hash -> store.setPassword(tx.identifier(), hash))
        .compose(changed -> store.finish(tx.idHash(), changed ? COMPLETED : FAILED))
        .map(v -> new SignupStatus(PENDING));
    });
  }

  Future<SignupStatus> status(SignupStatusQuery request) {
    if (request.transactionId() == null) {
      return refuse("invalid_transaction");
    }
    return store.verified(RandomTokens.sha256(request.transactionId())).compose(found -> found
      .map(tx -> Future.succeededFuture(new SignupStatus(tx.status() == null ? PENDING : tx.status())))
      .orElseGet(() -> refuse("invalid_transaction")));
  }

  Future<SignupStatus> markVerified(MarkVerified request) {
    return Uuids.parse(request.userId()).map(store::markUserVerified)
      .orElseGet(() -> Future.succeededFuture(false))
      .compose(done -> done ? Future.succeededFuture(new SignupStatus(COMPLETED))
        : ServiceFailure.fail(FailureCode.NOT_FOUND, UserAccounts.USER_NOT_FOUND));
  }

  /** A verified transaction of {@code purpose} whose register/reset has not run yet. */
  private Future<SignupRepository.Verified> verified(String verifiedId, String purpose) {
    if (verifiedId == null) {
      return refuse("invalid_transaction");
    }
    return store.verified(RandomTokens.sha256(verifiedId)).compose(found -> found
      .filter(tx -> tx.purpose().equals(purpose) && tx.status() == null)
      .map(Future::succeededFuture)
      .orElseGet(() -> refuse("invalid_transaction")));
  }

  private Future<String> hash(String password) {
    return vertx.executeBlocking(() -> hasher.hash(password), false);
  }

  private String newOtp() {
    if (options.devFixedOtp() != null) {
      return options.devFixedOtp();
    }
    StringBuilder otp = new StringBuilder(options.otpLength());
    for (int i = 0; i < options.otpLength(); i++) {
      otp.append((char) ('0' + RANDOM.nextInt(10)));
    }
    return otp.toString();
  }

  private static SignupTransaction transaction(String id, long ttlSeconds) {
    return new SignupTransaction(id, Instant.now().getEpochSecond() + ttlSeconds);
  }

  private static <T> Future<T> refuse(String reason) {
    return ServiceFailure.fail(FailureCode.BAD_REQUEST, reason);
  }
}
