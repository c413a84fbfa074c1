package io.gatehouse.auth;

import io.gatehouse.contract.Addresses.Auth;
import io.gatehouse.contract.Codecs;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.auth.ClientSecretRequest;
import io.gatehouse.contract.auth.ClientTokenRequest;
import io.gatehouse.contract.auth.CreateApiClient;
import io.gatehouse.contract.auth.FindUser;
import io.gatehouse.contract.auth.IssueCode;
import io.gatehouse.contract.auth.ListUsers;
import io.gatehouse.contract.auth.LoginUser;
import io.gatehouse.contract.auth.RedeemCode;
import io.gatehouse.contract.auth.RegisterUser;
import io.gatehouse.contract.auth.VerifyToken;
import io.gatehouse.contract.signup.CreateAccount;
import io.gatehouse.contract.signup.IssueChallenge;
import io.gatehouse.contract.signup.MarkVerified;
import io.gatehouse.contract.signup.ResetPassword;
import io.gatehouse.contract.signup.SignupStatusQuery;
import io.gatehouse.contract.signup.VerifyChallenge;
import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.Databases;
import io.gatehouse.persistence.ExpirySweep;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Function;

/**
 * The user-auth service on the event bus: users, passwords, tokens, API clients, authorization codes and the
 * signup flows, stored in schema {@code auth}. Receives the whole node config; reads {@code auth}, {@code signup}, {@code database} and
 * {@code node.dataDir}. Ready once keys are loaded, the schema is migrated and every consumer is registered.
 */
public final class UserAuthVerticle extends VerticleBase {

  static final String DATABASE_UNAVAILABLE = "database_unavailable";

  private static final Logger LOG = LoggerFactory.getLogger(UserAuthVerticle.class);
  private static final JsonObject UP = new JsonObject().put("status", "UP");

  private Pool pool;
  private ExpirySweep expiry;

  /** What start-up prepares on a worker thread: files read and the decoy hash computed. */
  private record Prepared(KeyMaterial keys, PasswordHasher hasher) {
  }

  @Override
  public Future<?> start() {
    Codecs.register(vertx);
    AuthOptions options = AuthOptions.from(config());
    SignupOptions signup = SignupOptions.from(config());
    DatabaseOptions database = DatabaseOptions.from(config());
    return prepare(options)
      .compose(prepared -> openDatabase(database).map(prepared))
      .compose(prepared -> listen(options, signup, prepared))
      .onSuccess(v -> expiry = ExpirySweep.start(vertx, pool, "auth", config().getJsonObject("auth", new JsonObject()),
        expiredRows(options)))
      .onSuccess(v -> LOG.info("user-auth ready (keys in {})", options.keyDir()))
      .onFailure(failure -> closePool());
  }

  @Override
  public Future<?> stop() {
    if (expiry != null) {
      expiry.stop();
    }
    return closePool();
  }

  /** Signup transactions, OTP challenges and blocks, authorization codes and login windows that have ended. */
  private static List<String> expiredRows(AuthOptions options) {
    String before = "now() - $1 * interval '1 second'";
    return List.of(
      "DELETE FROM auth.signup_transactions WHERE expires_at < " + before,
      "DELETE FROM auth.authorization_codes WHERE expires_at < " + before,
      "DELETE FROM auth.signup_blocks WHERE blocked_until < " + before,
      "DELETE FROM auth.login_failures WHERE window_start < " + before + " - " + options.loginWindowSeconds()
        + " * interval '1 second'");
  }

  private Future<Void> closePool() {
    return pool == null ? Future.succeededFuture() : pool.close();
  }

  private Future<Prepared> prepare(AuthOptions options) {
    return vertx.executeBlocking(() -> {
      KeyMaterial keys = KeyMaterial.loadOrCreate(options.keyDir());
      PasswordHasher hasher = new PasswordHasher(options.argon2());
      hasher.decoyHash();
      return new Prepared(keys, hasher);
    }, false);
  }

  private Future<Pool> openDatabase(DatabaseOptions database) {
    return Databases.open(vertx, database, "auth").onSuccess(opened -> pool = opened);
  }

  private Future<?> listen(AuthOptions options, SignupOptions signupOptions, Prepared prepared) {
    TokenService tokens = new TokenService(vertx, prepared.keys().signingKey(), options.leewaySeconds());
    UserRepository users = new UserRepository(pool);
    UserAccounts accounts = new UserAccounts(vertx, users, prepared.hasher(), tokens, options.tokenTtlSeconds(),
      new LoginThrottle(pool, options.maxFailedLogins(), options.loginWindowSeconds()));
    KnownUsers known = new KnownUsers(users, options.userCheckCacheMs(), System::nanoTime);
    ApiClients clients = new ApiClients(new ApiClientRepository(pool), new SecretBox(prepared.keys().masterKey()),
      tokens, options.clientTokenTtlSeconds());
    AuthorizationCodes codes = new AuthorizationCodes(new AuthorizationCodeRepository(pool),
      options.authCodeTtlSeconds());
    SignupFlows signup = new SignupFlows(vertx, new SignupRepository(pool), prepared.hasher(), new OutboxSender(pool),
      signupOptions);
    return Future.all(List.of(
      serve(Auth.REGISTER, RegisterUser.class, accounts::register),
      serve(Auth.LOGIN, LoginUser.class, accounts::login),
      serve(Auth.VERIFY_TOKEN, VerifyToken.class, request -> tokens.verify(request.token())
        .compose(known::stillExists)),
      serveMissingUsers(known),
      serve(Auth.FIND_USER, FindUser.class, accounts::find),
      serve(Auth.LIST_USERS, ListUsers.class, accounts::list),
      serve(Auth.CREATE_CLIENT, CreateApiClient.class, clients::create),
      serve(Auth.CLIENT_TOKEN, ClientTokenRequest.class, clients::token),
      serve(Auth.CLIENT_SECRET, ClientSecretRequest.class, clients::secret),
      serve(Auth.ISSUE_CODE, IssueCode.class, codes::issue),
      serve(Auth.REDEEM_CODE, RedeemCode.class, codes::redeem),
      serve(Auth.CHALLENGE_ISSUE, IssueChallenge.class, signup::issue),
      serve(Auth.CHALLENGE_VERIFY, VerifyChallenge.class, signup::verify),
      serve(Auth.SIGNUP_REGISTER, CreateAccount.class, signup::register),
      serve(Auth.SIGNUP_RESET, ResetPassword.class, signup::reset),
      serve(Auth.SIGNUP_STATUS, SignupStatusQuery.class, signup::status),
      serve(Auth.MARK_VERIFIED, MarkVerified.class, signup::markVerified),
      serveCsrfKey(prepared.keys()),
      serveHealth()));
  }

  private <T> Future<Void> serve(String address, Class<T> type, Function<T, Future<?>> action) {
    MessageConsumer<Object> consumer = vertx.eventBus().consumer(address, ServiceReplies.handler(type, action));
    return consumer.completion();
  }

  /** A JSON array of user ids → the array of those that no longer exist (gateways end their connections). */
  private Future<Void> serveMissingUsers(KnownUsers known) {
    MessageConsumer<Object> consumer = vertx.eventBus().consumer(Auth.MISSING_USERS, message -> {
      if (!(message.body() instanceof JsonArray ids)) {
        message.reply(ServiceFailure.of(FailureCode.BAD_REQUEST, "invalid_request"));
        return;
      }
      known.missing(ids.stream().map(String::valueOf).toList())
        .onSuccess(gone -> message.reply(new JsonArray(gone)))
        .onFailure(failure -> message.reply(ServiceFailure.of(FailureCode.UNAVAILABLE, DATABASE_UNAVAILABLE)));
    });
    return consumer.completion();
  }

  /** The CSRF key is derived from the master key, so every gateway of a cluster gets the same one. */
  private Future<Void> serveCsrfKey(KeyMaterial keys) {
    Buffer key = Buffer.buffer(keys.derive("gatehouse signup csrf v1"));
    MessageConsumer<Object> consumer = vertx.eventBus().consumer(Auth.CSRF_KEY, message -> message.reply(key));
    return consumer.completion();
  }

  /** Health takes any body, including none. */
  private Future<Void> serveHealth() {
    MessageConsumer<Object> consumer = vertx.eventBus().consumer(Auth.HEALTH, message -> checkDatabase()
      .onSuccess(message::reply)
      .onFailure(failure -> message.reply(ServiceFailure.of(FailureCode.UNAVAILABLE, DATABASE_UNAVAILABLE))));
    return consumer.completion();
  }

  private Future<JsonObject> checkDatabase() {
    return pool.query("SELECT 1").execute()
      .map(rows -> UP)
      .onFailure(failure -> LOG.warn("health check: database unreachable: {}", failure.getMessage()));
  }
}
