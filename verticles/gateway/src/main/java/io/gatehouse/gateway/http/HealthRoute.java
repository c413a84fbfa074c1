package io.gatehouse.gateway.http;

import io.gatehouse.gateway.ServiceBus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

import java.util.List;
import java.util.Map;

/**
 * {@code GET /health}: the gateway is live if it answers; it is ready when every service it depends on
 * answers its health address in time (200, else 503 naming the failing ones).
 */
public final class HealthRoute {

  private static final long CHECK_TIMEOUT_MS = 2_000;

  private final ServiceBus services;
  private final Map<String, String> checks;

  /** {@code checks}: service name → its health address. */
  public HealthRoute(ServiceBus services, Map<String, String> checks) {
    this.services = services;
    this.checks = Map.copyOf(checks);
  }

  public void handle(RoutingContext ctx) {
    JsonObject results = new JsonObject();
    List<Future<Object>> probes = checks.entrySet().stream()
      .map(check -> services.request(check.getValue(), new JsonObject(), CHECK_TIMEOUT_MS)
        .onSuccess(reply -> results.put(check.getKey(), "UP"))
        .recover(failure -> {
          results.put(check.getKey(), "DOWN");
          return Future.succeededFuture();
        }))
      .toList();
    Future.join(probes).onComplete(done -> {
      boolean up = results.stream().allMatch(entry -> "UP".equals(entry.getValue()));
      HttpReplies.json(ctx, up ? 200 : 503, new JsonObject().put("status", up ? "UP" : "DOWN").put("checks", results));
    });
  }
}
