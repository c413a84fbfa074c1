package io.gatehouse.gateway.signup;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.signup.CreateAccount;
import io.gatehouse.contract.signup.IssueChallenge;
import io.gatehouse.contract.signup.ResetPassword;
import io.gatehouse.contract.signup.SignupStatus;
import io.gatehouse.contract.signup.SignupStatusQuery;
import io.gatehouse.contract.signup.SignupTransaction;
import io.gatehouse.contract.signup.VerifyChallenge;
import io.gatehouse.gateway.RequestSchema;
import io.gatehouse.gateway.ServiceBus;
import io.gatehouse.gateway.http.AttemptsPerAddress;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;


/** eSignet-style signup under {@code /v1/signup} (seed 000): CSRF, settings, registration, password reset. */
public final class SignupRoutes {

  public static final String PREFIX = "/v1/signup";
  static final String TRANSACTION_ID = "TRANSACTION_ID";
  static final String VERIFIED_TRANSACTION_ID = "VERIFIED_TRANSACTION_ID";

  private final ServiceBus services;
  private final SignupSettings settings;
  private final SignupHttp http;
  private final AttemptsPerAddress challengesPerAddress;
  private final RequestSchema generateSchema = RequestSchema.load("signup/generate-challenge");
  private final RequestSchema verifySchema = RequestSchema.load("signup/verify-challenge");
  private final RequestSchema registerSchema = RequestSchema.load("signup/register");
  private final RequestSchema resetSchema = RequestSchema.load("signup/reset-password");

  public SignupRoutes(Vertx vertx, ServiceBus services, SignupSettings settings) {
    this.services = services;
    this.settings = settings;
    this.http = new SignupHttp(new CsrfTokens(services), settings.secureCookies());
    this.challengesPerAddress = new AttemptsPerAddress(vertx, "otp-challenge", settings.challengesPerAddress(),
      settings.addressWindowSeconds() * 1_000L);
  }

  /** Mounts every signup and identity-verification route. */
  public void mount(Router router) {
    router.get(PREFIX + "/csrf/token").handler(http::issueCsrfToken);
    router.get(PREFIX + "/settings").handler(ctx -> SignupHttp.ok(ctx, new JsonObject().put("configs",
      settings.configs())));
    router.post(PREFIX + "/registration/generate-challenge").handler(this::generateChallenge);
    router.post(PREFIX + "/registration/verify-challenge").handler(this::verifyChallenge);
    router.post(PREFIX + "/registration/register").handler(this::register);
    router.get(PREFIX + "/registration/status").handler(this::status);
    router.post(PREFIX + "/reset-password").handler(this::resetPassword);
    new IdentityVerificationRoutes(services, settings, http).mount(router);
  }

  private void generateChallenge(RoutingContext ctx) {
    http.request(ctx, generateSchema, request -> challengeWithinRate(ctx, request));
  }

  /** OTP requests per client address are limited too, so one client cannot spray many identifiers. */
  private void challengeWithinRate(RoutingContext ctx, JsonObject request) {
    challengesPerAddress.tryCount(AttemptsPerAddress.addressOf(ctx.request())).onSuccess(within -> {
      if (within) {
        issueChallenge(ctx, request);
      } else {
        SignupHttp.error(ctx, 429, "too_many_requests", "Too many OTP requests from this address; try again in "
          + settings.addressWindowSeconds() + " seconds");
      }
    });
  }

  private void issueChallenge(RoutingContext ctx, JsonObject request) {
    services.<SignupTransaction>request(
        Addresses.Auth.CHALLENGE_ISSUE, new IssueChallenge(SignupHttp.cookie(ctx, TRANSACTION_ID),
          request.getString("identifier"), request.getString("purpose"),
          request.getBoolean("regenerateChallenge", false)))
      .onSuccess(tx -> {
        http.setCookie(ctx, TRANSACTION_ID, tx.transactionId(), settings.transactionTtlSeconds());
        SignupHttp.ok(ctx, success());
      })
      .onFailure(failure -> SignupHttp.failure(ctx, failure));
  }

  private void verifyChallenge(RoutingContext ctx) {
    http.request(ctx, verifySchema, request -> {
      JsonArray challenges = request.getJsonArray("challengeInfo");
      String otp = challenges.getJsonObject(0).getString("challenge");
      services.<SignupTransaction>request(Addresses.Auth.CHALLENGE_VERIFY,
          new VerifyChallenge(SignupHttp.cookie(ctx, TRANSACTION_ID), request.getString("identifier"), otp))
        .onSuccess(tx -> {
          http.clearCookie(ctx, TRANSACTION_ID);
          http.setCookie(ctx, VERIFIED_TRANSACTION_ID, tx.transactionId(), settings.verifiedTtlSeconds());
          SignupHttp.ok(ctx, success());
        })
        .onFailure(failure -> SignupHttp.failure(ctx, failure));
    });
  }

  private void register(RoutingContext ctx) {
    http.request(ctx, registerSchema, request -> services.<SignupStatus>request(
        Addresses.Auth.SIGNUP_REGISTER, new CreateAccount(SignupHttp.cookie(ctx, VERIFIED_TRANSACTION_ID),
          request.getString("username"), request.getString("password"), fullName(request.getJsonObject("userInfo")),
          request.getString("consent")))
      .onSuccess(status -> SignupHttp.ok(ctx, new JsonObject().put("status", status.status())))
      .onFailure(failure -> SignupHttp.failure(ctx, failure)));
  }

  private void resetPassword(RoutingContext ctx) {
    http.request(ctx, resetSchema, request -> services.<SignupStatus>request(
        Addresses.Auth.SIGNUP_RESET, new ResetPassword(SignupHttp.cookie(ctx, VERIFIED_TRANSACTION_ID),
          request.getString("identifier"), request.getString("password")))
      .onSuccess(status -> SignupHttp.ok(ctx, new JsonObject().put("status", status.status())))
      .onFailure(failure -> SignupHttp.failure(ctx, failure)));
  }

  private void status(RoutingContext ctx) {
    services.<SignupStatus>request(Addresses.Auth.SIGNUP_STATUS,
        new SignupStatusQuery(SignupHttp.cookie(ctx, VERIFIED_TRANSACTION_ID)))
      .onSuccess(status -> SignupHttp.ok(ctx, new JsonObject().put("status", status.status())))
      .onFailure(failure -> SignupHttp.failure(ctx, failure));
  }

  /** userInfo.fullName is a string or eSignet's [{language, value}] list; the first value is kept. */
  private static String fullName(JsonObject userInfo) {
    Object name = userInfo == null ? null : userInfo.getValue("fullName");
    if (name instanceof JsonArray list && !list.isEmpty() && list.getValue(0) instanceof JsonObject first) {
      return first.getString("value");
    }
    return name instanceof String text ? text : null;
  }

  static JsonObject success() {
    return new JsonObject().put("status", "SUCCESS");
  }
}
