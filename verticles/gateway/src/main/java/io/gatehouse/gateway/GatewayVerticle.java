package io.gatehouse.gateway;

import io.gatehouse.contract.Addresses;
import io.gatehouse.operations.OperationsRoutes;
import io.gatehouse.operations.ShutdownCoordinator;
import io.gatehouse.operations.ShutdownCoordinator.Phase;
import io.gatehouse.operations.OperationsOptions;
import io.gatehouse.contract.Codecs;
import io.gatehouse.contract.ServiceRequests;
import io.gatehouse.contract.edge.ConnectionsPerAddress;
import io.gatehouse.contract.edge.EdgeListener;
import io.gatehouse.contract.edge.EdgeOptions;
import io.gatehouse.contract.edge.OriginPolicy;
import io.gatehouse.gateway.actions.ActionOptions;
import io.gatehouse.gateway.actions.ActionSocket;
import io.gatehouse.gateway.bridge.EventBusBridge;
import io.gatehouse.gateway.chat.ChatNamespace;
import io.gatehouse.gateway.chat.ChatOptions;
import io.gatehouse.gateway.chat.ChatRoutes;
import io.gatehouse.gateway.console.ConsoleRoutes;
import io.gatehouse.gateway.console.ConsoleSettings;
import io.gatehouse.gateway.face.FaceRouteOptions;
import io.gatehouse.gateway.face.FaceRoutes;
import io.gatehouse.gateway.http.HttpReplies;
import io.gatehouse.gateway.http.UserRoutes;
import io.gatehouse.gateway.signup.SignupRoutes;
import io.gatehouse.gateway.signup.SignupSettings;
import io.gatehouse.gateway.socketio.SocketIoOptions;
import io.gatehouse.gateway.socketio.SocketIoServer;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Every socket and HTTP route of Gatehouse; it holds no data and reaches services only over the bus. */
public class GatewayVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(GatewayVerticle.class);

  private static final JsonObject UP = new JsonObject().put("status", "UP");

  private HttpServer server;
  private ActionSocket actions;
  private SocketIoServer socketIo;
  private Future<Void> bridgeReady;
  private EventBusBridge bridge;
  private FaceRoutes faces;
  private Runnable shutdownHook = () -> { };

  @Override
  public Future<?> start() {
    Codecs.register(vertx);
    GatewayOptions options = GatewayOptions.from(config());
    ActionOptions actionOptions = ActionOptions.from(config());
    ServiceBus services = new ServiceBus(
      new ServiceRequests(vertx, options.requestTimeoutMs(), options.attemptTimeoutMs()));
    WriteCoalescing coalescing = new WriteCoalescing(options.coalesceWrites());
    DeletedUsers deletedUsers = new DeletedUsers(options.requestTimeoutMs());
    deletedUsers.start(vertx, options.userCheckSeconds());
    actions = new ActionSocket(vertx, services, actionOptions, coalescing, deletedUsers);
    actions.startHeartbeats(vertx);
    SocketIoOptions socketIoOptions = SocketIoOptions.from(config());
    ChatOptions chatOptions = ChatOptions.from(config());
    socketIo = new SocketIoServer(vertx, socketIoOptions,
      Map.of(ChatNamespace.NAME, new ChatNamespace(vertx, services, chatOptions, deletedUsers)), coalescing,
      new OriginPolicy(actionOptions.allowedOrigins()));
    EdgeListener edge = new EdgeListener(vertx, EdgeOptions.from(config()), "gateway");
    server = vertx.createHttpServer(edge.http(new HttpServerOptions()
      .setHost(options.host())
      .setPort(options.port())
      .setMaxFormAttributeSize(options.maxBodyBytes())
      .setMaxWebSocketFrameSize(Math.max(actionOptions.maxFrameBytes(), FaceRouteOptions.from(config()).maxMessageBytes()))
      .setMaxWebSocketMessageSize(Math.max(actionOptions.maxFrameBytes(), FaceRouteOptions.from(config()).maxMessageBytes()))
      .setWebSocketClosingTimeout(5)
      .setPerMessageWebSocketCompressionSupported(options.webSocketCompression())
      .setPerFrameWebSocketCompressionSupported(options.webSocketCompression())
      .setIdleTimeout(0)
      // every request, response and socket write happens on this verticle's event loop: no per-connection MPSC queues
      .setStrictThreadMode(true)));
    edge.guard(server);
    Router router = router(options, actionOptions, services, chatOptions, deletedUsers);
    return socketIo.start().compose(v -> server.requestHandler(edge.withHsts(router)).listen())
      .compose(bound -> bridgeReady.map(bound))
      .compose(bound -> vertx.eventBus().consumer(Addresses.Gateway.HEALTH, message -> message.reply(UP)).completion()
        .map(bound))
      .onSuccess(bound -> LOG.info("gateway listening on http://{}:{}", options.host(), bound.actualPort()))
      .onSuccess(bound -> shutdownHook = ShutdownCoordinator.of(vertx).onShutdown("gateway", Phase.EDGES, this::goAway))
      .recover(failure -> Future.failedFuture(bindFailure(options, failure)));
  }

  @Override
  public Future<?> stop() {
    shutdownHook.run();
    return Future.succeededFuture();
  }

  /**
   * Graceful shutdown: every client hears its protocol's goodbye (WebSocket close 1001 on action, face and
   * bridge sockets, the Engine.IO close packet on Socket.IO sessions), then the listener stops accepting and
   * waits, a quarter of the shutdown deadline at most, for the connections to close.
   */
  private Future<?> goAway() {
    actions.goAway();
    socketIo.goAway();
    faces.goAway();
    bridge.goAway();
    return server.shutdown(OperationsOptions.from(config()).shutdownDeadlineMs() / 4, TimeUnit.MILLISECONDS);
  }

  private Router router(GatewayOptions options, ActionOptions actionOptions, ServiceBus services,
                        ChatOptions chatOptions, DeletedUsers deletedUsers) {
    Router router = Router.router(vertx);
    ConsoleRoutes console = new ConsoleRoutes(ConsoleSettings.from(config()), actionOptions.allowedOrigins());
    console.mountCors(router);
    socketIo.mount(router); // before the body handler: Engine.IO polling reads its own bounded bodies
    router.route().handler(BodyHandler.create(false).setBodyLimit(options.maxBodyBytes()));
    if (OperationsOptions.from(config()).onGatewayPort()) {
      OperationsRoutes.mount(vertx, router, config());
    }
    new UserRoutes(vertx, services, options).mount(router);
    new ChatRoutes(services, chatOptions).mount(router);
    faces = new FaceRoutes(vertx, services, config());
    faces.mount(router);
    new SignupRoutes(vertx, services, SignupSettings.from(config())).mount(router);
    console.mount(router);
    actions.mount(router);
    bridge = new EventBusBridge(vertx, services, new OriginPolicy(actionOptions.allowedOrigins()),
      new ConnectionsPerAddress(actionOptions.maxConnectionsPerIp()), deletedUsers,
      actionOptions.catchUpBatch());
    bridgeReady = bridge.mount(router);
    router.route().last().handler(ctx -> HttpReplies.error(ctx, 404, "not_found", "No such endpoint"));
    router.route().failureHandler(ctx -> {
      int status = ctx.statusCode();
      if (status == 413) {
        HttpReplies.error(ctx, 413, "too_large", "Request body larger than " + options.maxBodyBytes() + " bytes");
      } else if (status >= 400 && status < 500) {
        HttpReplies.error(ctx, status, "invalid_request", "Bad request");
      } else {
        HttpReplies.internal(ctx, ctx.failure());
      }
    });
    return router;
  }

  private static Throwable bindFailure(GatewayOptions options, Throwable failure) {
    boolean inUse = failure instanceof BindException
      || String.valueOf(failure.getMessage()).contains("Address already in use");
    return inUse
      ? new IllegalStateException("port " + options.port() + " on " + options.host()
        + " is already in use (set gateway.port)")
      : failure;
  }

  /** The port actually bound (useful when configured as 0). */
  public int actualPort() {
    return server.actualPort();
  }
}
