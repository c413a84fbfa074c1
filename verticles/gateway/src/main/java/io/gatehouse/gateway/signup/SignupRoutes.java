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
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.security.SecureRandom;
import java.util.Base64;

/** eSignet-style signup under {@code /v1/signup} (seed 000): CSRF, settings, registration, password reset. */
public final class SignupRoutes {

  public static final String PREFIX = "/v1/signup";
  static final String TRANSACTION_ID = "TRANSACTION_ID";
  static final String VERIFIED_TRANSACTION_ID = "VERIFIED_TRANSACTION_ID";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final ServiceBus services;
  private final SignupSettings settings;
  private final RequestSchema generateSchema = RequestSchema.load("signup/generate-challenge");
  private final RequestSchema verifySchema = RequestSchema.load("signup/verify-challenge");
  private final RequestSchema registerSchema = RequestSchema.load("signup/register");
  private final RequestSchema resetSchema = RequestSchema.load("signup/reset-password");

  public SignupRoutes(ServiceBus services, SignupSettings settings) {
    this.services = services;
    this.settings = settings;
  }

  /** Mounts every signup and identity-verification route. */
  public void mount(Router router) {
    router.get(PREFIX + "/csrf/token").handler(this::csrfToken);
    router.get(PREFIX + "/settings").handler(ctx -> SignupHttp.ok(ctx, new JsonObject().put("configs",
      settings.configs())));
    router.post(PREFIX + "/registration/generate-challenge").handler(this::generateChallenge);
    router.post(PREFIX + "/registration/verify-challenge").handler(this::verifyChallenge);
    router.post(PREFIX + "/registration/register").handler(this::register);
    router.get(PREFIX + "/registration/status").handler(this::status);
    router.post(PREFIX + "/reset-password").handler(this::resetPassword);
    new IdentityVerificationRoutes(services, settings).mount(router);
  }

  private void csrfToken(RoutingContext ctx) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    SignupHttp.setCookie(ctx, SignupHttp.XSRF_COOKIE, token, -1, false);
    SignupHttp.ok(ctx, new JsonObject().put("headerName", SignupHttp.XSRF_HEADER).put("parameterName", "_csrf")
      .put("token", token));
  }

  private void generateChallenge(RoutingContext ctx) {
    SignupHttp.request(ctx, generateSchema).ifPresent(request -> services.<SignupTransaction>request(
        Addresses.Auth.CHALLENGE_ISSUE, new IssueChallenge(SignupHttp.cookie(ctx, TRANSACTION_ID),
          request.getString("identifier"), request.getString("purpose"),
          request.getBoolean("regenerateChallenge", false)))
      .onSuccess(tx -> {
        SignupHttp.setCookie(ctx, TRANSACTION_ID, tx.transactionId(), settings.transactionTtlSeconds(), true);
        SignupHttp.ok(ctx, success());
      })
      .onFailure(failure -> SignupHttp.failure(ctx, failure)));
  }

  private void verifyChallenge(RoutingContext ctx) {
    SignupHttp.request(ctx, verifySchema).ifPresent(request -> {
      JsonArray challenges = request.getJsonArray("challengeInfo");
      String otp = challenges.getJsonObject(0).getString("challenge");
      services.<SignupTransaction>request(Addresses.Auth.CHALLENGE_VERIFY,
          new VerifyChallenge(SignupHttp.cookie(ctx, TRANSACTION_ID), request.getString("identifier"), otp))
        .onSuccess(tx -> {
          SignupHttp.clearCookie(ctx, TRANSACTION_ID);
          SignupHttp.setCookie(ctx, VERIFIED_TRANSACTION_ID, tx.transactionId(), settings.verifiedTtlSeconds(), true);
          SignupHttp.ok(ctx, success());
        })
        .onFailure(failure -> SignupHttp.failure(ctx, failure));
    });
  }

  private void register(RoutingContext ctx) {
    SignupHttp.request(ctx, registerSchema).ifPresent(request -> services.<SignupStatus>request(
        Addresses.Auth.SIGNUP_REGISTER, new CreateAccount(SignupHttp.cookie(ctx, VERIFIED_TRANSACTION_ID),
          request.getString("username"), request.getString("password"), fullName(request.getJsonObject("userInfo")),
          request.getString("consent")))
      .onSuccess(status -> SignupHttp.ok(ctx, new JsonObject().put("status", status.status())))
      .onFailure(failure -> SignupHttp.failure(ctx, failure)));
  }

  private void resetPassword(RoutingContext ctx) {
    SignupHttp.request(ctx, resetSchema).ifPresent(request -> services.<SignupStatus>request(
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
