package io.gatehouse.gateway.actions;

import io.gatehouse.operations.GatehouseMetrics;
import io.gatehouse.gateway.DeletedUsers;
import io.gatehouse.gateway.ServiceBus;
import io.gatehouse.gateway.WriteCoalescing;
import io.gatehouse.gateway.http.HttpReplies;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The action-protocol endpoint: {@code /ws} (auth by first message), {@code /ws/<jwt>} and seed 001's bare
 * {@code /<jwt>}. Checks Origin and the per-address connection limit before upgrading.
 */
public final class ActionSocket {

  private static final Pattern JWT = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  private final ActionHub hub;
  private final WriteCoalescing coalescing;

  public ActionSocket(Vertx vertx, ServiceBus services, ActionOptions options, WriteCoalescing coalescing,
                      DeletedUsers deletedUsers) {
    this.hub = new ActionHub(vertx, services, options);
    this.coalescing = coalescing;
    deletedUsers.watch(hub.users, ActionSocket::endDeletedUser);
  }

  private static void endDeletedUser(ActionSession session) {
    session.send(new JsonObject().put("action", "auth").put("success", false).put("comment", "User no longer exists"));
    session.close(AuthGate.CLOSE_UNAUTHORIZED, "user no longer exists");
  }

  public void mount(Router router) {
    router.get("/ws").handler(ctx -> upgrade(ctx, null));
    router.get("/ws/:token").handler(ctx -> upgrade(ctx, ctx.pathParam("token")));
    router.get("/:token").handler(ctx -> {
      String token = ctx.pathParam("token");
      if (isUpgrade(ctx.request()) && JWT.matcher(token).matches()) {
        upgrade(ctx, token);
      } else {
        ctx.next();
      }
    });
  }

  /** Starts the heartbeat sweep; returns its timer id. */
  public long startHeartbeats(Vertx vertx) {
    long period = Math.max(1_000, hub.options.heartbeatSeconds() * 1_000L / 3);
    return vertx.setPeriodic(period, id -> hub.sweep(System.nanoTime()));
  }

  /** Graceful shutdown: every action-protocol connection of this instance gets close 1001. */
  public void goAway() {
    hub.sessions.stream().toList().forEach(ActionSession::goAway);
  }

  public int connectionCount() {
    return hub.sessions.size();
  }

  private void upgrade(RoutingContext ctx, String pathToken) {
    HttpServerRequest request = ctx.request();
    if (!isUpgrade(request)) {
      HttpReplies.error(ctx, 400, "upgrade_required", "WebSocket upgrade required");
      return;
    }
    if (!originAllowed(request)) {
      HttpReplies.error(ctx, 403, "forbidden_origin", "Origin not allowed");
      return;
    }
    String ip = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    if (!hub.admit(ip)) {
      GatehouseMetrics.rateLimited(GatehouseMetrics.ACTION);
      HttpReplies.error(ctx, 429, "rate_limited", "Too many connections from this address");
      return;
    }
    request.toWebSocket()
      .onSuccess(ws -> {
        coalescing.install(request);
        new ActionSession(hub, ws, UUID.randomUUID().toString().substring(0, 8), ip).start(pathToken);
      })
      .onFailure(failure -> hub.release(ip));
  }

  private static boolean isUpgrade(HttpServerRequest request) {
    String upgrade = request.getHeader(HttpHeaders.UPGRADE);
    return upgrade != null && upgrade.equalsIgnoreCase("websocket");
  }

  /** No Origin (non-browser clients) passes; a browser Origin must be listed or be the host itself. */
  private boolean originAllowed(HttpServerRequest request) {
    return hub.origins.allows(request.getHeader(HttpHeaders.ORIGIN), request.getHeader(HttpHeaders.HOST));
  }
}
