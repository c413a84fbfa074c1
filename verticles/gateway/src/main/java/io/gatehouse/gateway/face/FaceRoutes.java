package io.gatehouse.gateway.face;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.auth.ClientTokenRequest;
import io.gatehouse.contract.auth.IssuedToken;
import io.gatehouse.contract.auth.Principal;
import io.gatehouse.contract.face.CreateFaceSession;
import io.gatehouse.contract.face.FaceSessionTicket;
import io.gatehouse.contract.face.SessionType;
import io.gatehouse.gateway.RequestSchema;
import io.gatehouse.gateway.ServiceBus;
import io.gatehouse.gateway.http.BearerAuth;
import io.gatehouse.gateway.http.HttpReplies;
import io.gatehouse.gateway.http.JsonBodies;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Seed 002: API-client tokens, enrollment and authentication sessions, and the face WebSocket. */
public final class FaceRoutes {

  private static final String SOCKET_PATH = "/ws/auth/process-image/";

  private final Vertx vertx;
  private final ServiceBus services;
  private final FaceRouteOptions options;
  private final Set<FaceSocket> open = new HashSet<>();
  private final RequestSchema clientSchema = RequestSchema.load("face/client");
  private final RequestSchema enrollmentSchema = RequestSchema.load("face/enrollment");
  private final RequestSchema authenticationSchema = RequestSchema.load("face/authentication");

  public FaceRoutes(Vertx vertx, ServiceBus services, JsonObject nodeConfig) {
    this.vertx = vertx;
    this.services = services;
    this.options = FaceRouteOptions.from(nodeConfig);
  }

  public void mount(Router router) {
    BearerAuth clientAuth = new BearerAuth(services, Principal.Kind.CLIENT);
    router.postWithRegex("/api/auth/client/?").handler(this::clientToken);
    router.postWithRegex("/api/auth/enrollment/?").handler(clientAuth).handler(this::enrollment);
    router.postWithRegex("/api/auth/authentication/?").handler(clientAuth).handler(this::authentication);
    router.getWithRegex("/ws/auth/process-image/([^/]+)/?").handler(this::socket);
  }

  private void clientToken(RoutingContext ctx) {
    JsonBodies.read(ctx, clientSchema).ifPresent(body -> services.<IssuedToken>request(Addresses.Auth.CLIENT_TOKEN,
        new ClientTokenRequest(body.getString("api_key"), body.getString("api_secret")))
      .onSuccess(token -> HttpReplies.json(ctx, 200, new JsonObject().put("jwt_token", token.token())
        .put("access_token", token.token()).put("token_type", "JWT")
        .put("expires_at", Instant.ofEpochSecond(token.expiresAt()).toString())))
      .onFailure(failure -> {
        if (ServiceFailure.codeOf(failure) == FailureCode.UNAUTHORIZED) {
          HttpReplies.error(ctx, 401, "invalid_client", "Invalid API key");
        } else {
          HttpReplies.failure(ctx, failure);
        }
      }));
  }

  private void enrollment(RoutingContext ctx) {
    JsonBodies.read(ctx, enrollmentSchema).ifPresent(body -> {
      JsonObject metadata = body.getJsonObject("metadata", new JsonObject());
      int target = metadata.getInteger("target_samples", options.defaultTargetSamples());
      create(ctx, new CreateFaceSession(BearerAuth.principal(ctx).subject(), SessionType.ENROLLMENT,
        String.valueOf(body.getValue("user_id")), target, 1, true));
    });
  }

  private void authentication(RoutingContext ctx) {
    JsonBodies.read(ctx, authenticationSchema).ifPresent(body -> {
      JsonObject metadata = body.getJsonObject("metadata", new JsonObject());
      Object userId = body.getValue("user_id");
      create(ctx, new CreateFaceSession(BearerAuth.principal(ctx).subject(), SessionType.AUTHENTICATION,
        userId == null ? null : String.valueOf(userId), metadata.getInteger("min_frames_required",
        options.defaultMinFrames()), metadata.getInteger("required_blinks", 1),
        body.getBoolean("require_liveness", true)));
    });
  }

  private void create(RoutingContext ctx, CreateFaceSession request) {
    services.<FaceSessionTicket>request(Addresses.Face.CREATE_SESSION, request)
      .onSuccess(ticket -> {
        JsonObject reply = new JsonObject().put("session_token", ticket.sessionToken());
        if (ticket.type() == SessionType.ENROLLMENT) {
          reply.put("enrollment_id", ticket.enrollmentId());
        }
        reply.put("websocket_url", socketUrl(ctx, ticket.sessionToken()))
          .put("expires_at", Instant.ofEpochMilli(ticket.expiresAt()).toString())
          .put("status", "active");
        if (ticket.type() == SessionType.ENROLLMENT) {
          reply.put("target_samples", ticket.target());
        } else {
          reply.put("session_type", "authentication").put("min_frames_required", ticket.target());
        }
        HttpReplies.json(ctx, 201, reply);
      })
      .onFailure(failure -> HttpReplies.failure(ctx, failure));
  }

  private static String socketUrl(RoutingContext ctx, String token) {
    String host = ctx.request().getHeader(HttpHeaders.HOST);
    String scheme = ctx.request().isSSL() ? "wss" : "ws";
    return scheme + "://" + (host == null ? "localhost" : host) + SOCKET_PATH + token + "/";
  }

  private void socket(RoutingContext ctx) {
    String upgrade = ctx.request().getHeader(HttpHeaders.UPGRADE);
    if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
      HttpReplies.error(ctx, 400, "upgrade_required", "WebSocket upgrade required");
      return;
    }
    String token = ctx.pathParam("param0");
    ctx.request().toWebSocket()
      .onSuccess(ws -> {
        FaceSocket socket = new FaceSocket(vertx, services, options, ws, UUID.randomUUID().toString().substring(0, 8));
        open.add(socket);
        socket.whenClosed(() -> open.remove(socket));
        socket.start(token);
      });
  }

  /** Graceful shutdown: every face socket of this instance gets close 1001. */
  public void goAway() {
    List.copyOf(open).forEach(FaceSocket::goAway);
  }
}
