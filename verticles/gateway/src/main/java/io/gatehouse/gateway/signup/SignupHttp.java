package io.gatehouse.gateway.signup;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.gateway.RequestSchema;
import io.gatehouse.gateway.http.HttpReplies;
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

/**
 * The signup service's HTTP conventions (PROTOCOLS §4): {@code {requestTime, request}} bodies,
 * {@code {responseTime, response, errors}} replies with business errors as HTTP 200, the double-submit CSRF
 * cookie, and the transaction cookies.
 */
final class SignupHttp {

  static final String XSRF_COOKIE = "XSRF-TOKEN";
  static final String XSRF_HEADER = "X-XSRF-TOKEN";

  private SignupHttp() {
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

  /** The {@code request} of a POST body that passed CSRF and the schema; otherwise answers and returns empty. */
  static Optional<JsonObject> request(RoutingContext ctx, RequestSchema schema) {
    if (!csrfMatches(ctx)) {
      error(ctx, 403, "invalid_csrf_token", "X-XSRF-TOKEN header must echo the XSRF-TOKEN cookie");
      return Optional.empty();
    }
    Buffer raw = ctx.body().buffer();
    JsonObject body;
    try {
      body = raw == null || raw.length() == 0 ? null : raw.toJsonObject();
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

  private static boolean csrfMatches(RoutingContext ctx) {
    Cookie cookie = ctx.request().getCookie(XSRF_COOKIE);
    String header = ctx.request().getHeader(XSRF_HEADER);
    return cookie != null && header != null && !header.isEmpty() && MessageDigest.isEqual(
      cookie.getValue().getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8));
  }

  static String cookie(RoutingContext ctx, String name) {
    Cookie cookie = ctx.request().getCookie(name);
    return cookie == null || cookie.getValue().isEmpty() ? null : cookie.getValue();
  }

  static void setCookie(RoutingContext ctx, String name, String value, long maxAgeSeconds, boolean httpOnly) {
    ctx.response().addCookie(Cookie.cookie(name, value).setPath("/").setMaxAge(maxAgeSeconds).setHttpOnly(httpOnly)
      .setSameSite(CookieSameSite.LAX));
  }

  static void clearCookie(RoutingContext ctx, String name) {
    ctx.response().addCookie(Cookie.cookie(name, "").setPath("/").setMaxAge(0).setHttpOnly(true));
  }
}
