package io.gatehouse.gateway.signup;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.text.CanonicalText;
import io.gatehouse.gateway.RequestSchema;
import io.gatehouse.gateway.http.HttpReplies;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The signup service's HTTP conventions (PROTOCOLS §4): {@code {requestTime, request}} bodies,
 * {@code {responseTime, response, errors}} replies with business errors as HTTP 200, the CSRF token bound to
 * the browser, and the cookies.
 */
final class SignupHttp {

  static final String XSRF_COOKIE = "XSRF-TOKEN";
  static final String XSRF_HEADER = "X-XSRF-TOKEN";
  /** HttpOnly: the random value the CSRF token is bound to. */
  static final String XSRF_BINDING_COOKIE = "XSRF-BINDING";

  private final CsrfTokens csrf;
  private final boolean secureCookies;

  SignupHttp(CsrfTokens csrf, boolean secureCookies) {
    this.csrf = csrf;
    this.secureCookies = secureCookies;
  }

  static void ok(RoutingContext ctx, JsonObject response) {
    HttpReplies.json(ctx, 200, envelope(response, new JsonArray()));
  }

  /** A business error: HTTP 200 with {@code errors} filled, as the original service answers. */
  static void error(RoutingContext ctx, int status, String code, String message) {
    HttpReplies.json(ctx, status, envelope(null, new JsonArray()
      .add(new JsonObject().put("errorCode", code).put("errorMessage", message))));
  }

  /** Maps a service failure once: refusals keep their machine reason as errorCode; outages are 503/500. */
  static void failure(RoutingContext ctx, Throwable failure) {
    FailureCode code = ServiceFailure.codeOf(failure);
    switch (code) {
      case UNAVAILABLE -> error(ctx, 503, "unavailable", "Service unavailable, try again");
      case INTERNAL -> {
        HttpReplies.internal(ctx, failure);
      }
      default -> error(ctx, 200, ServiceFailure.reasonOf(failure), ServiceFailure.reasonOf(failure));
    }
  }

  private static JsonObject envelope(JsonObject response, JsonArray errors) {
    return new JsonObject().put("responseTime", Instant.now().toString()).put("response", response)
      .put("errors", errors);
  }

  /**
   * Hands {@code then} the {@code request} of a POST body that passed CSRF and the schema; otherwise answers.
   * CSRF: the {@code X-XSRF-TOKEN} header must echo the {@code XSRF-TOKEN} cookie, and that token must be the
   * one bound to this browser's {@code XSRF-BINDING} cookie.
   */
  void request(RoutingContext ctx, RequestSchema schema, Consumer<JsonObject> then) {
    String header = ctx.request().getHeader(XSRF_HEADER);
    String echoed = cookie(ctx, XSRF_COOKIE);
    boolean pairMatches = echoed != null && header != null && MessageDigest.isEqual(
      echoed.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
    (pairMatches ? csrf.matches(cookie(ctx, XSRF_BINDING_COOKIE), header) : Future.succeededFuture(false))
      .onSuccess(valid -> {
        if (!valid) {
          error(ctx, 403, "invalid_csrf_token", "X-XSRF-TOKEN header must echo the XSRF-TOKEN cookie issued "
            + "to this browser by GET /v1/signup/csrf/token");
        } else {
          body(ctx, schema).ifPresent(then);
        }
      })
      .onFailure(failure -> failure(ctx, failure));
  }

  private static Optional<JsonObject> body(RoutingContext ctx, RequestSchema schema) {
    Buffer raw = ctx.body().buffer();
    JsonObject body;
    try {
      body = raw == null || raw.length() == 0 || !CanonicalText.validUtf8(raw.getBytes()) ? null : raw.toJsonObject();
    } catch (DecodeException | ClassCastException e) {
      body = null;
    }
    if (body == null || !(body.getValue("request") instanceof JsonObject request)) {
      error(ctx, 200, "invalid_request", "Body must be {\"requestTime\":..., \"request\":{...}}");
      return Optional.empty();
    }
    Optional<String> problem = schema.problem(request);
    if (problem.isPresent()) {
      error(ctx, 200, "invalid_request", problem.get());
      return Optional.empty();
    }
    return Optional.of(request);
  }

  /**
   * Answers {@code GET /csrf/token}: keeps the browser's binding (or gives it one) and sets the token bound to
   * it. Both are session cookies; the token stays readable by scripts, which echo it in {@code X-XSRF-TOKEN}.
   */
  void issueCsrfToken(RoutingContext ctx) {
    String held = cookie(ctx, XSRF_BINDING_COOKIE);
    String binding = CsrfTokens.wellFormedBinding(held) ? held : CsrfTokens.newBinding();
    csrf.tokenFor(binding)
      .onSuccess(token -> {
        ctx.response().addCookie(cookie(XSRF_BINDING_COOKIE, binding, true));
        ctx.response().addCookie(cookie(XSRF_COOKIE, token, false));
        ok(ctx, new JsonObject().put("headerName", XSRF_HEADER).put("parameterName", "_csrf").put("token", token));
      })
      .onFailure(failure -> failure(ctx, failure));
  }

  static String cookie(RoutingContext ctx, String name) {
    Cookie cookie = ctx.request().getCookie(name);
    return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
  }

  /** A cookie that lives {@code maxAgeSeconds}; HttpOnly, as no script of the signup UI reads these. */
  void setCookie(RoutingContext ctx, String name, String value, long maxAgeSeconds) {
    ctx.response().addCookie(cookie(name, value, true).setMaxAge(maxAgeSeconds));
  }

  /** Deletes a cookie (Max-Age=0, same path and attributes). */
  void clearCookie(RoutingContext ctx, String name) {
    ctx.response().addCookie(cookie(name, "", true).setMaxAge(0));
  }

  /** A session cookie (no Max-Age): path /, SameSite=Lax, Secure when the node serves TLS. */
  private Cookie cookie(String name, String value, boolean httpOnly) {
    return Cookie.cookie(name, value).setPath("/").setHttpOnly(httpOnly).setSecure(secureCookies)
      .setSameSite(CookieSameSite.LAX);
  }
}
