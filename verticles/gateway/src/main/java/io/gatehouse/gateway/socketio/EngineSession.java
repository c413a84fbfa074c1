package io.gatehouse.gateway.socketio;

import io.gatehouse.operations.GatehouseMetrics;
import io.gatehouse.contract.gateway.PollAnswer;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO v4 session: long-polling or WebSocket transport, the upgrade from one to the other,
 * server pings with a pong deadline; the polling side's queue is a {@link PollingQueue}. Protocol errors
 * close it. Event-loop confined (the owning server's context).
 */
final class EngineSession implements NamespaceSockets.Link {

  private static final Logger LOG = LoggerFactory.getLogger(EngineSession.class);

  final String sid;
  private final SocketIoServer server;
  private final SocketIoOptions options;
  private final String authorization;
  private final NamespaceSockets sockets;
  private final PollingQueue polling;
  private ServerWebSocket ws;
  private ServerWebSocket probe;
  private boolean probed;
  private long pingTimer = -1;
  private long pongTimer = -1;
  private long connectTimer = -1;
  private boolean closed;

  EngineSession(SocketIoServer server, String sid, String authorization) {
    GatehouseMetrics.connectionOpened(GatehouseMetrics.SOCKET_IO);
    this.server = server;
    this.options = server.options;
    this.sid = sid;
    this.authorization = authorization;
    this.sockets = new NamespaceSockets(server.namespaces, this, options.maxAttachments(), options.maxAcksInFlight());
    this.polling = new PollingQueue(options.maxPayload(), options.maxBufferedPackets());
  }

  /** Opened by a polling handshake: the open packet is the answer to that first GET. */
  PollAnswer openPolling() {
    schedulePing();
    awaitNamespace();
    return PollAnswers.payload(EngineCodec.encode(openPacket(true)));
  }

  /** Opened directly on a WebSocket, without polling first. */
  void openWebSocket(ServerWebSocket socket) {
    ws = socket;
    wire(socket, false);
    socket.writeTextMessage(EngineCodec.encode(openPacket(false)));
    schedulePing();
    awaitNamespace();
  }

  /** A client that answers pings but never joins a namespace is closed after connectTimeoutMs, as socket.io does. */
  private void awaitNamespace() {
    connectTimer = server.vertx.setTimer(options.connectTimeoutMs(), id -> {
      connectTimer = -1;
      if (sockets.joined() == 0) {
        close("no namespace joined in time");
      }
    });
  }

  /** A WebSocket that wants to take over from polling: it probes, then upgrades. */
  void probeWebSocket(ServerWebSocket socket) {
    if (closed || ws != null || probe != null) {
      socket.close((short) 1002, "upgrade refused");
      return;
    }
    probe = socket;
    wire(socket, true);
  }

  /** A polling request for this session, local or forwarded from another node. */
  Future<PollAnswer> poll(boolean post, String body) {
    if (closed) {
      return Future.succeededFuture(PollAnswers.error(1, "Session ID unknown"));
    }
    if (ws != null) {
      // a stray request after the upgrade is refused; the upgraded session carries on
      LOG.debug("[{}] polling request after the upgrade refused", sid);
      return Future.succeededFuture(PollAnswers.error(3, "Bad request"));
    }
    return post ? Future.succeededFuture(receive(body)) : waitForPackets();
  }

  /** A POSTed payload; null stands for one that was over maxPayload and was not read. */
  private PollAnswer receive(String body) {
    if (body == null || body.length() > options.maxPayload()) {
      close("payload too large");
      return PollAnswers.tooLarge();
    }
    try {
      for (EnginePacket packet : EngineCodec.decodePayload(body, options.maxPacketsPerPost())) {
        onPacket(packet, null);
      }
      return PollAnswers.OK;
    } catch (ProtocolError e) {
      LOG.debug("[{}] protocol error on polling: {}", sid, e.getMessage());
      close("parse error");
      return PollAnswers.error(3, "Bad request");
    } catch (RuntimeException e) {
      LOG.error("[{}] packet handling failed", sid, e);
      close("internal error");
      return PollAnswers.error(3, "Bad request");
    }
  }

  private Future<PollAnswer> waitForPackets() {
    if (polling.hasWaitingGet()) {
      close("overlapping GET");
      return Future.succeededFuture(PollAnswers.error(3, "Bad request"));
    }
    Future<PollAnswer> answer = polling.get();
    if (probed) {
      // an upgrade is under way: the client pauses polling once its GET returns, so return it at once
      polling.release(EnginePacket.NOOP);
    }
    return answer;
  }

  @Override
  public void send(SocketPacket packet) {
    sendEngine(EnginePacket.message(SocketCodec.encode(packet)));
  }

  @Override
  public String authorization() {
    return authorization;
  }

  private void sendEngine(EnginePacket packet) {
    if (closed) {
      return;
    }
    if (ws != null) {
      write(ws, packet);
      return;
    }
    if (!polling.offer(packet)) {
      close("polling client too slow");
    }
  }

  private void write(ServerWebSocket socket, EnginePacket packet) {
    if (packet.isBinary()) {
      socket.writeBinaryMessage(packet.binary());
    } else {
      socket.writeTextMessage(EngineCodec.encode(packet));
    }
    if (socket.writeQueueFull()) {
      close("websocket client too slow");
    }
  }

  private void wire(ServerWebSocket socket, boolean probing) {
    socket.textMessageHandler(text -> onFrame(socket, text));
    socket.binaryMessageHandler(bytes -> onFrame(socket, bytes));
    socket.exceptionHandler(failure -> LOG.debug("[{}] websocket error: {}", sid, failure.toString()));
    socket.closeHandler(v -> {
      if (socket == ws) {
        close("transport close");
      } else if (socket == probe) {
        probe = null;
        probed = false;
      }
    });
  }

  private void onFrame(ServerWebSocket socket, Object frame) {
    if (closed || (socket != ws && socket != probe)) {
      return;
    }
    try {
      int size = frame instanceof Buffer bytes ? bytes.length() : ((String) frame).length();
      if (size > options.maxPayload()) {
        throw new ProtocolError("message larger than maxPayload");
      }
      EnginePacket packet = frame instanceof Buffer bytes ? EnginePacket.binaryMessage(bytes)
        : EngineCodec.decode((String) frame);
      onPacket(packet, socket == probe ? socket : null);
    } catch (ProtocolError e) {
      LOG.debug("[{}] protocol error on websocket: {}", sid, e.getMessage());
      if (socket == probe) {
        probe = null;
        probed = false;
        socket.close((short) 1002, "protocol error");
      } else {
        close("parse error");
      }
    } catch (RuntimeException e) {
      LOG.error("[{}] packet handling failed", sid, e);
      close("internal error");
    }
  }

  /** One inbound packet; {@code probing} is the upgrading socket it came on, or null. */
  private void onPacket(EnginePacket packet, ServerWebSocket probing) {
    switch (packet.type()) {
      case PING -> {
        if (probing == null || !"probe".equals(packet.text())) {
          throw new ProtocolError("unexpected ping");
        }
        write(probing, EnginePacket.PONG_PROBE);
        probed = true;
        polling.release(EnginePacket.NOOP);
      }
      case UPGRADE -> upgrade(probing);
      case PONG -> onPong();
      case MESSAGE -> {
        if (probing != null) {
          throw new ProtocolError("message before the upgrade completed");
        }
        if (packet.isBinary()) {
          sockets.onBinary(packet.binary());
        } else {
          sockets.onText(packet.text());
        }
      }
      case CLOSE -> {
        // the reference server answers a GET still waiting with a noop, not with a close of its own
        polling.release(EnginePacket.NOOP);
        close("client close");
      }
      default -> { } // NOOP
    }
  }

  private void upgrade(ServerWebSocket probing) {
    if (probing == null) {
      throw new ProtocolError("upgrade outside a probe");
    }
    ws = probing;
    probe = null;
    probed = false;
    polling.release(EnginePacket.NOOP);
    polling.moveTo(packet -> write(ws, packet), () -> !closed);
  }

  private void schedulePing() {
    pingTimer = server.vertx.setTimer(options.pingIntervalMs(), id -> {
      pingTimer = -1;
      sendEngine(EnginePacket.PING);
      pongTimer = server.vertx.setTimer(options.pingTimeoutMs(), timeout -> {
        pongTimer = -1;
        close("ping timeout");
      });
    });
  }

  private void onPong() {
    if (pongTimer >= 0) {
      server.vertx.cancelTimer(pongTimer);
      pongTimer = -1;
      schedulePing();
    }
  }

  boolean closed() {
    return closed;
  }

  /**
   * Graceful shutdown: the Engine.IO close packet, over the WebSocket or as the answer to the waiting poll
   * (a client without one gets it as the answer to its next poll's failure: the session is gone).
   */
  void goAway() {
    if (!closed && ws != null) {
      ws.writeTextMessage(EngineCodec.encode(EnginePacket.CLOSE));
    }
    close("server shutting down");
  }

  /** Ends the session: the transport is closed, every namespace socket hears it, the sid is forgotten. */
  void close(String reason) {
    if (closed) {
      return;
    }
    closed = true;
    GatehouseMetrics.connectionClosed(GatehouseMetrics.SOCKET_IO);
    LOG.debug("[{}] closed: {}", sid, reason);
    server.vertx.cancelTimer(pingTimer);
    server.vertx.cancelTimer(pongTimer);
    server.vertx.cancelTimer(connectTimer);
    server.forget(this);
    polling.release(EnginePacket.CLOSE);
    if (ws != null) {
      ws.close();
    }
    if (probe != null) {
      probe.close();
    }
    polling.clear();
    try {
      sockets.closed(reason);
    } catch (RuntimeException e) {
      LOG.warn("[{}] namespace disconnect failed", sid, e);
    }
  }

  private EnginePacket openPacket(boolean canUpgrade) {
    return new EnginePacket(EnginePacket.Type.OPEN, options.handshake(sid, canUpgrade).encode(), null);
  }
}
