package io.gatehouse.gateway.face;

import io.gatehouse.operations.GatehouseMetrics;
import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.face.CloseFaceSession;
import io.gatehouse.contract.face.FaceSessionOpened;
import io.gatehouse.contract.face.FrameOutcome;
import io.gatehouse.contract.face.OpenFaceSession;
import io.gatehouse.contract.face.SessionFrame;
import io.gatehouse.gateway.ServiceBus;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One face WebSocket: claims its session, paces and decodes frames at the edge, relays each frame to the
 * session's owner, one at a time, and renders what comes back ({@link FaceReplies}).
 */
final class FaceSocket {

  private static final Logger LOG = LoggerFactory.getLogger(FaceSocket.class);

  private final Vertx vertx;
  private final ServiceBus services;
  private final FaceRouteOptions options;
  private final ServerWebSocket ws;
  private final String connectionId;
  private Runnable whenClosed = () -> { };
  private final FrameGate gate;
  private FaceSessionOpened session;
  private Future<?> inFlight = Future.succeededFuture();
  private long idleTimer = -1;
  private boolean closing;

  FaceSocket(Vertx vertx, ServiceBus services, FaceRouteOptions options, ServerWebSocket ws, String connectionId) {
    this.vertx = vertx;
    this.services = services;
    this.options = options;
    this.ws = ws;
    this.connectionId = connectionId;
    this.gate = new FrameGate(options.minFrameIntervalMs(), options.frameJitterToleranceMs(),
      options.maxFramesPerSession());
  }

  /** Runs once the socket is closed, before the session's owner is told. */
  void whenClosed(Runnable action) {
    whenClosed = action;
  }

  /** Graceful shutdown: close 1001; the session's owner learns it from the close notice as for any close. */
  void goAway() {
    if (!ws.isClosed()) {
      ws.close((short) 1001, "server shutting down");
    }
  }

  void start(String token) {
    ws.pause();
    GatehouseMetrics.connectionOpened(GatehouseMetrics.FACE);
    ws.closeHandler(v -> {
      whenClosed.run();
      GatehouseMetrics.connectionClosed(GatehouseMetrics.FACE);
      released();
    });
    ws.exceptionHandler(this::onFailure);
    services.<FaceSessionOpened>request(Addresses.Face.OPEN_SESSION, new OpenFaceSession(token))
      .onSuccess(opened -> {
        session = opened;
        if (ws.isClosed()) {
          released();
          return;
        }
        send(FaceReplies.established(token, opened));
        armIdleTimer();
        ws.textMessageHandler(this::onText);
        ws.binaryMessageHandler(binary -> send(FaceReplies.error("Send frames as JSON text messages",
          FaceReplies.BAD_REQUEST)));
        ws.resume();
      })
      .onFailure(failure -> finish(FaceReplies.openFailure(failure)));
  }

  /**
   * A message over the transport limit arrives either as continuation frames that Vert.x stops aggregating,
   * or as one frame whose header already announces too many bytes, which Netty's decoder refuses before
   * reading it; both are reported here, just before the connection is closed, and get a 1009 close frame.
   */
  private void onFailure(Throwable failure) {
    LOG.debug("[{}] face socket error: {}", connectionId, failure.getMessage());
    if (tooBig(failure)) {
      finish(new FaceReplies.Reply(FaceReplies.error("Frame too large (max " + options.maxFrameBytes() + " bytes)",
        FaceReplies.BAD_REQUEST), FaceReplies.TOO_BIG));
    }
  }

  private static boolean tooBig(Throwable failure) {
    if (failure instanceof CorruptedWebSocketFrameException corrupted) {
      return corrupted.closeStatus().code() == FaceReplies.TOO_BIG;
    }
    return failure instanceof IllegalStateException && String.valueOf(failure.getMessage()).contains("max message size");
  }

  private void onText(String text) {
    JsonObject message;
    try {
      message = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      send(FaceReplies.error("Invalid JSON message", FaceReplies.BAD_REQUEST));
      return;
    }
    Object type = message.getValue("type");
    if ("ping".equals(type)) {
      send(FaceReplies.pong());
    } else if ("frame".equals(type)) {
      onFrame(message.getValue("image"));
    } else {
      send(FaceReplies.error("Unknown message type", FaceReplies.BAD_REQUEST));
    }
  }

  private void onFrame(Object image) {
    if (closing) {
      return;
    }
    switch (gate.admit(System.nanoTime())) {
      case TOO_FAST -> {
        send(FaceReplies.error("Frame rate too high, please slow down", FaceReplies.TOO_MANY));
        return;
      }
      case OVER_CAP -> {
        finish(new FaceReplies.Reply(FaceReplies.error("Too many frames for this session", FaceReplies.TOO_MANY),
          FaceReplies.TOO_MANY));
        return;
      }
      default -> armIdleTimer();
    }
    byte[] bytes;
    try {
      bytes = FrameImages.decode(image instanceof String s ? s : null, options.maxBase64Chars(), options.maxFrameBytes());
    } catch (FrameImages.Refused refused) {
      send(FaceReplies.error(refused.getMessage(), FaceReplies.BAD_REQUEST));
      return;
    }
    SessionFrame frame = new SessionFrame(session.sessionId(), bytes);
    inFlight = inFlight.eventually(() -> Future.succeededFuture()).compose(v -> closing ? Future.succeededFuture()
      : analyse(frame)
        .onSuccess(outcome -> render(FaceReplies.of(outcome, session.type())))
        .onFailure(failure -> finish(FaceReplies.frameFailure(failure))));
  }

  private Future<FrameOutcome> analyse(SessionFrame frame) {
    long started = System.nanoTime();
    return services.<FrameOutcome>request(Addresses.Face.session(session.sessionId()), frame, options.frameTimeoutMs())
      .onSuccess(outcome -> GatehouseMetrics.faceFrame(System.nanoTime() - started));
  }

  private void render(FaceReplies.Reply reply) {
    if (reply.closeCode() == 0) {
      send(reply.message());
    } else {
      finish(reply);
    }
  }

  private void armIdleTimer() {
    vertx.cancelTimer(idleTimer);
    idleTimer = vertx.setTimer(options.sessionIdleMs(), id -> finish(new FaceReplies.Reply(
      FaceReplies.error("Session expired", FaceReplies.EXPIRED), FaceReplies.EXPIRED)));
  }

  private void send(JsonObject message) {
    if (!ws.isClosed()) {
      ws.writeTextMessage(message.encode());
    }
  }

  /** Sends the last message, then closes with its code. */
  private void finish(FaceReplies.Reply reply) {
    if (closing) {
      return;
    }
    closing = true;
    vertx.cancelTimer(idleTimer);
    send(reply.message());
    if (!ws.isClosed()) {
      ws.close(reply.closeCode(), reasonOf(reply));
    }
  }

  private static String reasonOf(FaceReplies.Reply reply) {
    String text = reply.message().getString("error", reply.message().getString("message", ""));
    return text.length() > 120 ? text.substring(0, 120) : text;
  }

  private void released() {
    vertx.cancelTimer(idleTimer);
    if (session != null) {
      services.request(Addresses.Face.session(session.sessionId()), new CloseFaceSession(session.sessionId(), "socket"))
        .onFailure(failure -> LOG.debug("[{}] session close notice not delivered: {}", connectionId, failure.getMessage()));
    }
  }
}
