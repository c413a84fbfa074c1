package io.gatehouse.gateway.http;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.UUID;

/** The one place where HTTP replies and service failures become status codes and JSON bodies. */
public final class HttpReplies {

  private static final Logger LOG = LoggerFactory.getLogger(HttpReplies.class);

  private HttpReplies() {
  }

  public static void json(RoutingContext ctx, int status, JsonObject body) {
    if (ctx.response().ended()) {
      return;
    }
    ctx.response()
      .setStatusCode(status)
      .putHeader("content-type", "application/json")
      .end(body.toBuffer());
  }

  /** An error body: {@code {"error": text, "code": machine_code}}. */
  public static void error(RoutingContext ctx, int status, String code, String text) {
    json(ctx, status, new JsonObject().put("error", text).put("code", code));
  }

  public static void badRequest(RoutingContext ctx, String text) {
    error(ctx, 400, "invalid_request", text);
  }

  /** Maps a service failure to its HTTP status; internal failures get a correlation id, never a stack trace. */
  public static void failure(RoutingContext ctx, Throwable failure) {
    FailureCode code = ServiceFailure.codeOf(failure);
    String reason = ServiceFailure.reasonOf(failure);
    switch (code) {
      case BAD_REQUEST -> error(ctx, 400, reason, "Invalid request: " + reason);
      case UNAUTHORIZED -> error(ctx, 401, reason, "Unauthorized: " + reason);
      case FORBIDDEN -> error(ctx, 403, reason, "Forbidden");
      case NOT_FOUND -> error(ctx, 404, reason, "Not found");
      case CONFLICT -> error(ctx, 409, reason, "Conflict: " + reason);
      case RATE_LIMITED -> error(ctx, 429, "rate_limited", "Too many requests");
      case UNAVAILABLE -> error(ctx, 503, "unavailable", "Service unavailable, try again");
      default -> internal(ctx, failure);
    }
  }

  public static void internal(RoutingContext ctx, Throwable failure) {
    String correlationId = UUID.randomUUID().toString();
    LOG.error("[{}] {} {} failed", correlationId, ctx.request().method(), ctx.request().path(), failure);
    json(ctx, 500, new JsonObject().put("error", "Internal error").put("code", "internal")
      .put("correlation_id", correlationId));
  }
}
