package io.gatehouse.gateway.actions;

import io.gatehouse.operations.GatehouseMetrics;
import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.auth.Principal;
import io.gatehouse.contract.gateway.MembershipChange;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.MessagePosition;
import io.gatehouse.contract.routing.TopicRef;
import io.gatehouse.edge.PublishLanes;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One action-protocol connection: the socket, its limits and heartbeats. Authentication is the
 * {@link AuthGate}'s, actions the {@link ActionDispatcher}'s, and the user's topics are streamed by
 * {@link ActionStreams} in order, pending (stored) deliveries before live ones, each sequence number once.
 * Event-loop confined.
 */
final class ActionSession {

  private static final Logger LOG = LoggerFactory.getLogger(ActionSession.class);
  static final short CLOSE_POLICY = 1008;
  static final short CLOSE_TRY_AGAIN_LATER = 1013;

  private final ActionHub hub;
  private final ServerWebSocket ws;
  private final String connectionId;
  private final String ip;
  private final RateLimiter limiter;
  private final AuthGate gate;
  private final ActionStreams streams;
  private final PublishLanes publishLanes = new PublishLanes();
  private Principal principal;
  private long lastTraffic;
  private boolean closed;

  ActionSession(ActionHub hub, ServerWebSocket ws, String connectionId, String ip) {
    this.hub = hub;
    this.ws = ws;
    this.connectionId = connectionId;
    this.ip = ip;
    this.lastTraffic = System.nanoTime();
    this.limiter = new RateLimiter(hub.options.messagesPerSecond(), hub.options.messageBurst(), lastTraffic);
    this.gate = new AuthGate(this, hub);
    this.streams = new ActionStreams(this, hub);
  }

  Principal principal() {
    return principal;
  }

  String userId() {
    return principal.subject();
  }

  String connectionId() {
    return connectionId;
  }

  ActionHub hub() {
    return hub;
  }

  PublishLanes publishLanes() {
    return publishLanes;
  }

  /** Wires the socket; {@code pathToken} is the JWT of {@code /ws/<jwt>}, or null to wait for an auth message. */
  void start(String pathToken) {
    hub.sessions.add(this);
    GatehouseMetrics.connectionOpened(GatehouseMetrics.ACTION);
    ws.setWriteQueueMaxSize(hub.options.writeQueueMaxBytes());
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(this::onBinary);
    ws.exceptionHandler(failure -> LOG.debug("[{}] socket error: {}", connectionId, failure.toString()));
    ws.closeHandler(closedSocket -> cleanUp());
    gate.start(pathToken);
  }

  /** The gate let the user in: follow the user's membership changes and stream the user's topics. */
  void authenticated(Principal verified) {
    if (closed) {
      return;
    }
    principal = verified;
    String userId = verified.subject();
    Future.all(hub.users.join(userId, Addresses.Sessions.user(userId), this), streams.open(userId))
      .onFailure(this::tryAgainLater);
  }

  /** Stops reading the socket (frames wait in the transport) until {@link #resumeReads()}. */
  void holdReads() {
    ws.pause();
  }

  void resumeReads() {
    if (!closed) {
      ws.resume();
    }
  }

  private void onText(String text) {
    // The server's WebSocket limit is shared with the face socket's larger frames; keep this protocol's own.
    int max = hub.options.maxFrameBytes();
    if (text.length() > max || (text.length() * 3L > max && text.getBytes(StandardCharsets.UTF_8).length > max)) {
      close((short) 1009, "message too big");
      return;
    }
    long now = System.nanoTime();
    lastTraffic = now;
    if (!limiter.tryAcquire(now)) {
      GatehouseMetrics.rateLimited(GatehouseMetrics.ACTION);
      send(ActionErrors.of(null, "rate_limited"));
      return;
    }
    Object parsed;
    try {
      parsed = Json.decodeValue(text);
    } catch (DecodeException | IllegalStateException e) {
      send(noAction("No action received"));
      return;
    }
    if (!(parsed instanceof JsonObject request) || !(request.getValue("action") instanceof String action)) {
      send(noAction("No action received"));
      return;
    }
    Object id = request.getValue("id");
    if (id instanceof Double number && !Double.isFinite(number)) {
      // a number too large for a double would be echoed as "Infinity": refuse it rather than change it
      send(ActionErrors.error(action, "invalid_request", "id must be a string or a finite number"));
      return;
    }
    if (principal == null) {
      gate.onMessage(action, request, id);
    } else {
      hub.dispatcher.dispatch(this, action, request, id);
    }
  }

  private void onBinary(Buffer ignored) {
    lastTraffic = System.nanoTime();
    send(noAction("Binary frames are not supported; send JSON text frames"));
  }

  /** Starts streaming topics (joining live fan-out first, then reading the log), unless already streamed. */
  Future<Void> follow(List<TopicRef> refs, Map<Long, Long> acked) {
    return closed ? Future.succeededFuture() : streams.follow(refs, acked);
  }

  void unfollow(long topicId) {
    streams.unfollow(topicId);
  }

  /** A live delivery from the topic fan-out. */
  void onLive(LiveFrame frame) {
    if (!closed) {
      streams.onLive(frame);
    }
  }

  /** Another connection (maybe on another node) joined or left a topic for this user. */
  void onMembershipChange(MembershipChange change) {
    if (change.joined()) {
      follow(List.of(change.topic()), Map.of()).onFailure(failure ->
        LOG.warn("[{}] could not follow {}: {}", connectionId, change.topic().name(), failure.toString()));
    } else {
      unfollow(change.topic().topicId());
    }
  }

  /** Where a message this connection delivered lately sits or null when it is not remembered. */
  MessagePosition positionOf(String messageId) {
    return streams.positionOf(messageId);
  }

  /** Writes a delivery ({@code encoded}: its frame when already encoded for every connection, else null). */
  void write(Delivery delivery, String encoded) {
    if (closed) {
      return;
    }
    ws.writeTextMessage(encoded != null ? encoded : DeliveryFrames.encode(delivery));
    GatehouseMetrics.delivered(GatehouseMetrics.ACTION, 1);
    lastTraffic = System.nanoTime();
    if (ws.writeQueueFull()) {
      LOG.info("[{}] slow consumer: write queue over {} bytes, closing", connectionId, hub.options.writeQueueMaxBytes());
      close(CLOSE_POLICY, "slow consumer; reconnect to catch up");
    }
  }

  /**
   * A service this connection needs is unavailable (its database restarting, say): close with 1013 "try
   * again later" after a frame that says when, jittered so that clients do not all come back at once.
   */
  void tryAgainLater(Throwable failure) {
    if (closed) {
      return;
    }
    long base = hub.options.retryAfterMs();
    long retryAfterMs = base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
    LOG.info("[{}] service unavailable, client told to retry in {} ms: {}", connectionId, retryAfterMs,
      failure.toString());
    send(new JsonObject().put("action", "error").put("success", false).put("code", "unavailable")
      .put("comment", "Service unavailable, try again later").put("retry_after_ms", retryAfterMs));
    close(CLOSE_TRY_AGAIN_LATER, "try again later");
  }

  void heartbeatIfQuiet(long nowNanos, long quietNanos) {
    if (!closed && nowNanos - lastTraffic >= quietNanos) {
      lastTraffic = nowNanos;
      ws.writeTextMessage("{\"action\":\"heartbeat\"}");
      ws.writePing(Buffer.buffer());
    }
  }

  void send(JsonObject reply) {
    if (!closed) {
      lastTraffic = System.nanoTime();
      ws.writeTextMessage(reply.encode());
    }
  }

  /** Graceful shutdown: close 1001 (going away); the client reconnects elsewhere and catches up from its cursor. */
  void goAway() {
    close((short) 1001, "server shutting down");
  }

  void close(short code, String reason) {
    if (!closed) {
      ws.close(code, reason);
      cleanUp();
    }
  }

  private void cleanUp() {
    if (closed) {
      return;
    }
    closed = true;
    GatehouseMetrics.connectionClosed(GatehouseMetrics.ACTION);
    gate.stop();
    streams.close();
    if (principal != null) {
      hub.users.leave(principal.subject(), Addresses.Sessions.user(principal.subject()), this);
    }
    hub.sessions.remove(this);
    hub.release(ip);
  }

  private static JsonObject noAction(String comment) {
    return new JsonObject().put("action", null).put("success", false).put("comment", comment);
  }

  static JsonObject withId(JsonObject reply, Object id) {
    return id == null ? reply : reply.put("id", id);
  }
}
