package io.gatehouse.gateway.socketio;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.edge.OriginPolicy;
import io.gatehouse.contract.gateway.PollAnswer;
import io.gatehouse.contract.gateway.PollForward;
import io.gatehouse.gateway.WriteCoalescing;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Engine.IO v4 / Socket.IO v5 endpoint at {@code /socket.io/}: handshakes, long-polling, WebSocket and
 * the upgrade between them. Sessions belong to this instance; a polling request for a session of another
 * instance or node (no sticky sessions) is forwarded to its owner over the event bus. A WebSocket upgrade
 * cannot be forwarded: it is refused, and the client keeps polling.
 */
public final class SocketIoServer {

  private static final Logger LOG = LoggerFactory.getLogger(SocketIoServer.class);

  final Vertx vertx;
  final SocketIoOptions options;
  final Map<String, Namespace> namespaces;
  private final SessionTable<EngineSession> sessions = new SessionTable<>();
  private final DeliveryOptions forwarding;
  private final WriteCoalescing coalescing;
  private final OriginPolicy origins;

  /** {@code origins}: browser Origins that may upgrade to WebSocket (those of {@code gateway.allowedOrigins}). */
  public SocketIoServer(Vertx vertx, SocketIoOptions options, Map<String, Namespace> namespaces,
                        WriteCoalescing coalescing, OriginPolicy origins) {
    this.vertx = vertx;
    this.origins = origins;
    this.coalescing = coalescing;
    this.options = options;
    this.namespaces = Map.copyOf(namespaces);
    // A forwarded GET is held at most until the next ping is queued.
    this.forwarding = new DeliveryOptions().setSendTimeout(options.pingIntervalMs() + options.pingTimeoutMs() + 5_000);
  }

  /** Starts answering polling requests forwarded by other instances; completes once reachable. */
  public Future<Void> start() {
    return vertx.eventBus().<PollForward>consumer(Addresses.SocketIo.owner(sessions.ownerId()), this::onForwarded)
      .completion();
  }

  /** Mount before any body handler: polling bodies are read here, bounded by maxPayload. */
  public void mount(Router router) {
    router.route("/socket.io/*").handler(this::handle);
  }

  /** Graceful shutdown: every Engine.IO session of this instance gets the close packet. */
  public void goAway() {
    List<EngineSession> open = new ArrayList<>();
    sessions.all().forEach(open::add);
    open.forEach(EngineSession::goAway);
  }

  public int sessionCount() {
    return sessions.size();
  }

  void forget(EngineSession session) {
    sessions.remove(session.sid);
  }

  private void handle(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    String transport = request.getParam("transport");
    String sid = request.getParam("sid");
    if (!"4".equals(request.getParam("EIO"))) {
      reply(ctx, PollAnswers.error(5, "Unsupported protocol version"));
    } else if ("websocket".equals(transport)) {
      webSocket(ctx, sid);
    } else if (!"polling".equals(transport)) {
      reply(ctx, PollAnswers.error(0, "Transport unknown"));
    } else if (sid == null) {
      handshake(ctx);
    } else if (request.method() == HttpMethod.GET) {
      route(sid, false, null).onComplete(done -> reply(ctx, done.result()));
    } else if (request.method() == HttpMethod.POST) {
      readBody(request).compose(body -> route(sid, true, body))
        .onComplete(done -> reply(ctx, done.succeeded() ? done.result() : PollAnswers.error(3, "Bad request")));
    } else {
      reply(ctx, PollAnswers.error(2, "Bad handshake method"));
    }
  }

  private void handshake(RoutingContext ctx) {
    if (ctx.request().method() != HttpMethod.GET) {
      reply(ctx, PollAnswers.error(2, "Bad handshake method"));
      return;
    }
    EngineSession session = open(ctx.request());
    reply(ctx, session.openPolling());
  }

  private EngineSession open(HttpServerRequest request) {
    EngineSession session = new EngineSession(this, sessions.newSid(), request.getHeader(HttpHeaders.AUTHORIZATION));
    sessions.put(session.sid, session);
    return session;
  }

  private void webSocket(RoutingContext ctx, String sid) {
    HttpServerRequest request = ctx.request();
    String upgrade = request.getHeader(HttpHeaders.UPGRADE);
    if (upgrade == null || !upgrade.equalsIgnoreCase("websocket")) {
      reply(ctx, PollAnswers.error(3, "Bad request"));
      return;
    }
    if (!origins.allows(request.getHeader(HttpHeaders.ORIGIN), request.getHeader(HttpHeaders.HOST))) {
      reply(ctx, PollAnswers.error(4, "Forbidden"));
      return;
    }
    EngineSession existing = sid == null ? null : sessions.get(sid);
    if (sid != null && existing == null) {
      reply(ctx, PollAnswers.error(1, "Session ID unknown"));
      return;
    }
    request.toWebSocket().onSuccess(ws -> {
      coalescing.install(request);
      if (existing != null) {
        existing.probeWebSocket(ws);
      } else {
        EngineSession session = new EngineSession(this, sessions.newSid(), request.getHeader(HttpHeaders.AUTHORIZATION));
        sessions.put(session.sid, session);
        session.openWebSocket(ws);
      }
    }).onFailure(failure -> LOG.debug("websocket upgrade failed: {}", failure.toString()));
  }

  /** A polling request: answered here when this instance owns the sid, by the owner otherwise. */
  private Future<PollAnswer> route(String sid, boolean post, String body) {
    if (sessions.ownedHere(sid)) {
      return local(sid, post, body);
    }
    String owner = SessionTable.ownerOf(sid);
    if (owner == null) {
      return Future.succeededFuture(PollAnswers.error(1, "Session ID unknown"));
    }
    return vertx.eventBus().<PollAnswer>request(Addresses.SocketIo.owner(owner), new PollForward(sid, post, body), forwarding)
      .map(Message::body)
      .recover(failure -> Future.succeededFuture(ServiceFailure.codeOf(failure) == FailureCode.UNAVAILABLE
        ? PollAnswers.error(1, "Session ID unknown")
        : PollAnswers.error(3, "Bad request")));
  }

  private Future<PollAnswer> local(String sid, boolean post, String body) {
    EngineSession session = sessions.get(sid);
    return session == null ? Future.succeededFuture(PollAnswers.error(1, "Session ID unknown")) : session.poll(post, body);
  }

  private void onForwarded(Message<PollForward> message) {
    PollForward poll = message.body();
    local(poll.sid(), poll.post(), poll.body()).onComplete(done -> message.reply(done.result()));
  }

  /** The POSTed payload, or null when it is larger than maxPayload (the owner then closes the session). */
  private Future<String> readBody(HttpServerRequest request) {
    String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
    if (declared != null && parseLength(declared) > options.maxPayload()) {
      return Future.succeededFuture(null);
    }
    Promise<String> body = Promise.promise();
    Buffer received = Buffer.buffer();
    request.handler(chunk -> {
      if (received.length() + chunk.length() > options.maxPayload()) {
        body.tryComplete(null);
      } else {
        received.appendBuffer(chunk);
      }
    });
    request.endHandler(v -> body.tryComplete(received.toString(StandardCharsets.UTF_8)));
    request.exceptionHandler(body::tryFail);
    return body.future();
  }

  private static long parseLength(String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      return Long.MAX_VALUE;
    }
  }

  private static void reply(RoutingContext ctx, PollAnswer answer) {
    if (ctx.response().ended() || ctx.response().closed()) {
      return;
    }
    ctx.response().setStatusCode(answer.status()).putHeader(HttpHeaders.CONTENT_TYPE, answer.contentType())
      .putHeader(HttpHeaders.CACHE_CONTROL, "no-store").end(answer.body());
  }
}
