package io.gatehouse.stomp;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.Codecs;
import io.gatehouse.contract.ekyc.SlotClaimed;
import io.gatehouse.contract.ekyc.SlotRef;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * STOMP 1.2 for Gatehouse: over WebSocket (eKYC slots at {@code stomp.slotPath?slotId=...}, topics at
 * {@code stomp.topicPath} or at the slot path without a slotId) and over TCP (topics). A slot handshake is
 * accepted only when its {@code IDV_SLOT_ALLOTTED} cookie names that slot and ekyc-verification lets the
 * cookie be used, once. Ready once every listener is bound.
 */
public final class StompBridgeVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(StompBridgeVerticle.class);

  private StompOptions options;
  private StompServices services;
  private HttpServer webSockets;
  private NetServer tcp;

  @Override
  public Future<?> start() {
    Codecs.register(vertx);
    options = StompOptions.from(config());
    services = StompServices.of(vertx, options.requestTimeoutMs());
    List<Future<?>> listening = new ArrayList<>();
    if (options.webSocketPort() >= 0) {
      int maxMessage = options.maxHeaderBytes() + options.maxBodyBytes() + 16;
      webSockets = vertx.createHttpServer(new HttpServerOptions().setHost(options.host())
        .setPort(options.webSocketPort()).setMaxWebSocketMessageSize(maxMessage).setMaxWebSocketFrameSize(65_536)
        .setWebSocketSubProtocols(List.of("v12.stomp", "v11.stomp", "v10.stomp")));
      listening.add(webSockets.requestHandler(this::upgrade).listen()
        .onSuccess(s -> LOG.info("STOMP over WebSocket on {}:{}{}", options.host(), s.actualPort(), options.slotPath())));
    }
    if (options.tcpPort() >= 0) {
      tcp = vertx.createNetServer(new NetServerOptions().setHost(options.host()).setPort(options.tcpPort()));
      listening.add(tcp.connectHandler(this::tcpSession).listen()
        .onSuccess(s -> LOG.info("STOMP over TCP on {}:{}", options.host(), s.actualPort())));
    }
    return Future.all(listening);
  }

  private void upgrade(HttpServerRequest request) {
    String upgrade = request.getHeader(HttpHeaders.UPGRADE);
    if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
      request.response().setStatusCode(400).end("WebSocket upgrade required");
      return;
    }
    String slotId = request.getParam("slotId");
    if (request.path().equals(options.slotPath()) && slotId != null) {
      slotUpgrade(request, slotId);
    } else if (request.path().equals(options.slotPath()) || request.path().equals(options.topicPath())) {
      request.toWebSocket().onSuccess(ws -> attach(ws, new TopicSession(services, options, transport(ws))));
    } else {
      request.response().setStatusCode(404).end();
    }
  }

  /** The handshake completes only for the slot the cookie names, and only the first time. */
  private void slotUpgrade(HttpServerRequest request, String slotId) {
    SlotCookie cookie = SlotCookie.parse(request.getHeader(HttpHeaders.COOKIE));
    if (cookie == null || !cookie.slotId().equals(slotId)) {
      request.response().setStatusCode(403).end("invalid_slot_id");
      return;
    }
    request.pause();
    services.<SlotClaimed>request(Addresses.Ekyc.CLAIM_SLOT, new SlotRef(cookie.transactionId(), slotId))
      .onFailure(failure -> request.response().setStatusCode(403).end("invalid_slot"))
      .onSuccess(claimed -> request.toWebSocket().onSuccess(ws -> attach(ws, new SlotSession(services, options,
        transport(ws), claimed.transactionId(), claimed.slotId()))));
  }

  private static void attach(ServerWebSocket ws, StompSession session) {
    ws.handler(session::onData);
    ws.closeHandler(v -> session.onTransportClosed(ws.closeStatusCode()));
    ws.exceptionHandler(failure -> LOG.debug("WebSocket error: {}", failure.getMessage()));
    session.start();
  }

  private static StompSession.Transport transport(ServerWebSocket ws) {
    return new StompSession.Transport() {
      @Override
      public void write(io.vertx.core.buffer.Buffer data) {
        ws.writeTextMessage(data.toString(StandardCharsets.UTF_8));
      }

      @Override
      public void close(boolean normal) {
        ws.close((short) (normal ? 1000 : 1002), normal ? "bye" : "protocol error");
      }
    };
  }

  private void tcpSession(NetSocket socket) {
    TopicSession session = new TopicSession(services, options, new StompSession.Transport() {
      @Override
      public void write(io.vertx.core.buffer.Buffer data) {
        socket.write(data);
      }

      @Override
      public void close(boolean normal) {
        socket.close();
      }
    });
    socket.handler(session::onData);
    socket.closeHandler(v -> session.onTransportClosed(null));
    socket.exceptionHandler(failure -> LOG.debug("TCP error: {}", failure.getMessage()));
    session.start();
  }

  /** The WebSocket port actually bound (useful when configured as 0). */
  public int webSocketPort() {
    return webSockets.actualPort();
  }

  public int tcpPort() {
    return tcp.actualPort();
  }
}
