package io.gatehouse.gateway.http;

import io.gatehouse.contract.text.CanonicalText;
import io.gatehouse.gateway.RequestSchema;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;

/** Reads a request body as a JSON object that satisfies a schema, or answers 400 and returns empty. */
public final class JsonBodies {

  private JsonBodies() {
  }

  public static Optional<JsonObject> read(RoutingContext ctx, RequestSchema schema) {
    Buffer raw = ctx.body().buffer();
    if (raw == null || raw.length() == 0) {
      HttpReplies.badRequest(ctx, "Request body must be a JSON object");
      return Optional.empty();
    }
    if (!CanonicalText.validUtf8(raw.getBytes())) {
      HttpReplies.badRequest(ctx, "Request body is not valid UTF-8");
      return Optional.empty();
    }
    Object parsed;
    try {
      parsed = Json.decodeValue(raw);
    } catch (DecodeException e) {
      HttpReplies.badRequest(ctx, "Request body is not valid JSON");
      return Optional.empty();
    }
    if (!(parsed instanceof JsonObject body)) {
      HttpReplies.badRequest(ctx, "Request body must be a JSON object");
      return Optional.empty();
    }
    Optional<String> problem = schema.problem(body);
    if (problem.isPresent()) {
      HttpReplies.badRequest(ctx, problem.get());
      return Optional.empty();
    }
    return Optional.of(body);
  }
}
