package io.gatehouse.stomp;

import io.gatehouse.operations.GatehouseMetrics;
import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.Codecs;
import io.gatehouse.contract.auth.DeletedUserCheck;
import io.gatehouse.contract.edge.ConnectionsPerAddress;
import io.gatehouse.contract.edge.EdgeListener;
import io.gatehouse.contract.edge.EdgeOptions;
import io.gatehouse.contract.edge.OriginPolicy;
import io.gatehouse.contract.ekyc.SlotClaimed;
import io.gatehouse.contract.ekyc.SlotRef;
import io.gatehouse.operations.ShutdownCoordinator;
import io.gatehouse.operations.ShutdownCoordinator.Phase;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.SocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * STOMP 1.2 for Gatehouse: over WebSocket (eKYC slots at {@code stomp.slotPath?slotId=...}, topics at
 * {@code stomp.topicPath} or at the slot path without a slotId) and over TCP (topics). A slot handshake is
 * accepted only when its {@code IDV_SLOT_ALLOTTED} cookie names that slot and ekyc-verification lets the
 * cookie be used, once. Both listeners admit at most {@code stomp.maxConnectionsPerIp} connections per client
 * address; a WebSocket upgrade from a browser Origin not allowed gets 403. Ready once every listener is bound.
 */
public final class StompBridgeVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(StompBridgeVerticle.class);

  private StompOptions options;
  private StompServices services;
  private HttpServer webSockets;
  private NetServer tcp;
  private OriginPolicy origins;
  private ConnectionsPerAddress connections;
  private final Set<StompSession> sessions = new HashSet<>();
  private Runnable shutdownHook = () -> { };
  private EdgeListener edge;
  /** Topic sessions (WebSocket and TCP), so those of a user who was deleted can be ended. */
  private final Set<TopicSession> topicSessions = new HashSet<>();

  /** The gateway's port: the web console it serves there opens the eKYC slot's STOMP WebSocket here. */
  private Set<Integer> consolePort() {
    int port = config().getJsonObject("gateway", new JsonObject()).getInteger("port", 8088);
    return port > 0 ? Set.of(port) : Set.of();
  }

  @Override
  public Future<?> start() {
    Codecs.register(vertx);
    options = StompOptions.from(config());
    services = StompServices.of(vertx, options.requestTimeoutMs(), options.attemptTimeoutMs());
    origins = new OriginPolicy(options.allowedOrigins(), consolePort());
    connections = new ConnectionsPerAddress(options.maxConnectionsPerIp());
    edge = new EdgeListener(vertx, EdgeOptions.from(config()), "stomp");
    List<Future<?>> listening = new ArrayList<>();
    if (options.webSocketPort() >= 0) {
      int maxMessage = options.maxHeaderBytes() + options.maxBodyBytes() + 16;
      webSockets = edge.guard(vertx.createHttpServer(edge.http(new HttpServerOptions().setHost(options.host())
        .setPort(options.webSocketPort()).setMaxWebSocketMessageSize(maxMessage).setMaxWebSocketFrameSize(65_536)
        .setWebSocketSubProtocols(List.of("v12.stomp", "v11.stomp", "v10.stomp"))
        .setPerMessageWebSocketCompressionSupported(options.webSocketCompression())
        .setPerFrameWebSocketCompressionSupported(options.webSocketCompression()))));
      listening.add(webSockets.requestHandler(edge.withHsts(this::upgrade)).listen()
        .onSuccess(s -> LOG.info("STOMP over WebSocket on {}:{}{}", options.host(), s.actualPort(), options.slotPath())));
    }
    if (options.tcpPort() >= 0) {
      tcp = vertx.createNetServer(edge.tcp(new NetServerOptions().setHost(options.host()).setPort(options.tcpPort())));
      listening.add(tcp.connectHandler(this::tcpSession).listen()
        .onSuccess(s -> LOG.info("STOMP over TCP on {}:{}", options.host(), s.actualPort())));
    }
    if (options.userCheckSeconds() > 0) {
      vertx.setPeriodic(options.userCheckSeconds() * 1_000L, id -> endDeletedUsers());
    }
    return Future.all(listening).compose(bound -> vertx.eventBus()
      .consumer(Addresses.Stomp.HEALTH, message -> message.reply(new JsonObject().put("status", "UP"))).completion())
      .onSuccess(v -> shutdownHook = ShutdownCoordinator.of(vertx).onShutdown("stomp-bridge", Phase.EDGES, this::goAway));
  }

  @Override
  public Future<?> stop() {
    shutdownHook.run();
    return Future.succeededFuture();
  }

  /** Graceful shutdown: ERROR "server shutting down" then close on every STOMP connection, then the listeners stop. */
  private Future<?> goAway() {
    List.copyOf(sessions).forEach(session -> session.refuse("server shutting down"));
    List<Future<?>> closing = new ArrayList<>();
    if (webSockets != null) {
      closing.add(webSockets.close());
    }
    if (tcp != null) {
      closing.add(tcp.close());
    }
    return Future.join(closing);
  }

  private void upgrade(HttpServerRequest request) {
    String upgrade = request.getHeader(HttpHeaders.UPGRADE);
    if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
      request.response().setStatusCode(400).end("WebSocket upgrade required");
      return;
    }
    boolean slotPath = request.path().equals(options.slotPath());
    if (!slotPath && !request.path().equals(options.topicPath())) {
      request.response().setStatusCode(404).end();
      return;
    }
    if (!origins.allows(request.getHeader(HttpHeaders.ORIGIN), request.getHeader(HttpHeaders.HOST))) {
      request.response().setStatusCode(403).end("Origin not allowed");
      return;
    }
    String ip = addressOf(request.remoteAddress());
    if (!connections.admit(ip)) {
      request.response().setStatusCode(429).end("Too many connections from this address");
      return;
    }
    String slotId = request.getParam("slotId");
    Future<?> opened = slotPath && slotId != null ? slotUpgrade(request, slotId, ip)
      : request.toWebSocket().onSuccess(ws -> attach(ws, tracked(new TopicSession(services, options, transport(ws))),
        ip));
    opened.onFailure(failure -> connections.release(ip));
  }

  /** The handshake completes only for the slot the cookie names, and only the first time. */
  private Future<?> slotUpgrade(HttpServerRequest request, String slotId, String ip) {
    SlotCookie cookie = SlotCookie.parse(request.getHeader(HttpHeaders.COOKIE));
    if (cookie == null || !cookie.slotId().equals(slotId)) {
      request.response().setStatusCode(403).end("invalid_slot_id");
      return Future.failedFuture("invalid_slot_id");
    }
    request.pause();
    return services.<SlotClaimed>request(Addresses.Ekyc.CLAIM_SLOT, new SlotRef(cookie.transactionId(), slotId))
      .onFailure(failure -> request.response().setStatusCode(403).end("invalid_slot"))
      .compose(claimed -> request.toWebSocket().onSuccess(ws -> attach(ws, new SlotSession(services, options,
        transport(ws), claimed.transactionId(), claimed.slotId()), ip)));
  }

  private void attach(ServerWebSocket ws, StompSession session, String ip) {
    ws.handler(session::onData);
    GatehouseMetrics.connectionOpened(GatehouseMetrics.STOMP);
    sessions.add(session);
    ws.closeHandler(v -> {
      topicSessions.remove(session);
      sessions.remove(session);
      GatehouseMetrics.connectionClosed(GatehouseMetrics.STOMP);
      connections.release(ip);
      session.onTransportClosed(ws.closeStatusCode());
    });
    ws.exceptionHandler(failure -> LOG.debug("WebSocket error: {}", failure.getMessage()));
    session.start();
  }

  private static StompSession.Transport transport(ServerWebSocket ws) {
    return new StompSession.Transport() {
      @Override
      public void write(Buffer data, boolean text) {
        if (text) {
          ws.writeTextMessage(data.toString(StandardCharsets.UTF_8));
        } else {
          ws.writeBinaryMessage(data);
        }
      }

      @Override
      public void close(boolean normal) {
        ws.close((short) (normal ? 1000 : 1002), normal ? "bye" : "protocol error");
      }

      @Override
      public void pause() {
        ws.pause();
      }

      @Override
      public void resume() {
        ws.resume();
      }
    };
  }

  private void tcpSession(NetSocket socket) {
    if (!edge.admit(socket)) {
      socket.end(Buffer.buffer("ERROR\nmessage:Too many connections\n\n\0"));
      return;
    }
    String ip = addressOf(socket.remoteAddress());
    if (!connections.admit(ip)) {
      edge.release(socket);
      socket.end(Buffer.buffer("ERROR\nmessage:Too many connections from this address\n\n\0"));
      return;
    }
    TopicSession session = new TopicSession(services, options, new StompSession.Transport() {
      @Override
      public void write(Buffer data, boolean text) {
        socket.write(data);
      }

      @Override
      public void close(boolean normal) {
        socket.close();
      }

      @Override
      public void pause() {
        socket.pause();
      }

      @Override
      public void resume() {
        socket.resume();
      }
    });
    tracked(session);
    socket.handler(session::onData);
    GatehouseMetrics.connectionOpened(GatehouseMetrics.STOMP);
    sessions.add(session);
    socket.closeHandler(v -> {
      topicSessions.remove(session);
      sessions.remove(session);
      GatehouseMetrics.connectionClosed(GatehouseMetrics.STOMP);
      connections.release(ip);
      edge.release(socket);
      session.onTransportClosed(null);
    });
    socket.exceptionHandler(failure -> LOG.debug("TCP error: {}", failure.getMessage()));
    session.start();
  }

  private TopicSession tracked(TopicSession session) {
    topicSessions.add(session);
    return session;
  }

  /** Ends (ERROR, then close) the sessions of users that no longer exist; tokens are also checked on CONNECT. */
  private void endDeletedUsers() {
    Map<String, List<TopicSession>> byUser = new HashMap<>();
    topicSessions.forEach(session -> {
      if (session.userId() != null) {
        byUser.computeIfAbsent(session.userId(), k -> new ArrayList<>()).add(session);
      }
    });
    DeletedUserCheck.run(vertx.eventBus(), options.requestTimeoutMs(), byUser,
        session -> session.refuse("User no longer exists"))
      .onFailure(failure -> LOG.debug("user check skipped: {}", failure.toString()));
  }

  private static String addressOf(SocketAddress remote) {
    return remote == null ? "unknown" : remote.hostAddress();
  }

  /** The WebSocket port actually bound (useful when configured as 0). */
  public int webSocketPort() {
    return webSockets.actualPort();
  }

  public int tcpPort() {
    return tcp.actualPort();
  }
}
