package io.gatehouse.gateway.actions;

import io.gatehouse.operations.GatehouseMetrics;
import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.auth.Principal;
import io.gatehouse.contract.auth.VerifyToken;
import io.gatehouse.contract.gateway.MembershipChange;
import io.gatehouse.contract.routing.CatchUp;
import io.gatehouse.contract.routing.CursorList;
import io.gatehouse.contract.routing.CursorQuery;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.DeliveryBatch;
import io.gatehouse.contract.routing.RangeStart;
import io.gatehouse.contract.routing.ReadRange;
import io.gatehouse.contract.routing.TopicKind;
import io.gatehouse.contract.routing.TopicList;
import io.gatehouse.contract.routing.TopicRef;
import io.gatehouse.contract.routing.UserRef;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One action-protocol connection: authentication first, then schema-checked actions, and the user's
 * topics streamed in order — pending (stored) deliveries before live ones, each sequence number once.
 * Event-loop confined.
 */
final class ActionSession {

  private static final Logger LOG = LoggerFactory.getLogger(ActionSession.class);
  static final short CLOSE_UNAUTHORIZED = 4401;
  static final short CLOSE_POLICY = 1008;
  private static final int MAX_GAP_ATTEMPTS = 8;

  private final ActionHub hub;
  private final ServerWebSocket ws;
  private final String connectionId;
  private final String ip;
  private final RateLimiter limiter;
  private final Map<Long, TopicStream> streams = new HashMap<>(4);
  private Map<String, Delivery> ackIndex;
  private Principal principal;
  private long authTimer = -1;
  private long lastTraffic;
  private boolean closed;

  ActionSession(ActionHub hub, ServerWebSocket ws, String connectionId, String ip) {
    this.hub = hub;
    this.ws = ws;
    this.connectionId = connectionId;
    this.ip = ip;
    this.lastTraffic = System.nanoTime();
    this.limiter = new RateLimiter(hub.options.messagesPerSecond(), hub.options.messageBurst(), lastTraffic);
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

  /** Wires the socket; {@code pathToken} is the JWT of {@code /ws/<jwt>}, or null to wait for an auth message. */
  void start(String pathToken) {
    hub.sessions.add(this);
    GatehouseMetrics.connectionOpened(GatehouseMetrics.ACTION);
    ws.setWriteQueueMaxSize(hub.options.writeQueueMaxBytes());
    ws.textMessageHandler(this::onText);
    ws.binaryMessageHandler(this::onBinary);
    ws.exceptionHandler(failure -> LOG.debug("[{}] socket error: {}", connectionId, failure.toString()));
    ws.closeHandler(closedSocket -> cleanUp());
    if (pathToken != null) {
      authenticate(null, pathToken);
    } else {
      authTimer = hub.vertx.setTimer(hub.options.authTimeoutMs(), id -> {
        if (principal == null) {
          send(new JsonObject().put("action", "auth").put("success", false).put("comment", "Authentication timeout"));
          close(CLOSE_UNAUTHORIZED, "authentication timeout");
        }
      });
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
      if ("auth".equals(action)) {
        authenticate(id, request.getValue("token") instanceof String token ? token : "");
      } else {
        send(withId(ActionErrors.of(action, "unauthorized"), id));
      }
      return;
    }
    dispatch(action, request, id);
  }

  private void onBinary(Buffer ignored) {
    lastTraffic = System.nanoTime();
    send(noAction("Binary frames are not supported; send JSON text frames"));
  }

  private void dispatch(String action, JsonObject request, Object id) {
    Action registered = hub.actions.get(action);
    if (registered == null) {
      send(withId(ActionErrors.error(action, "invalid_request", "Unknown Action"), id));
      return;
    }
    var problem = registered.schema().problem(request);
    if (problem.isPresent()) {
      send(withId(ActionErrors.error(action, "invalid_request", problem.get()), id));
      return;
    }
    Future<JsonObject> result;
    try {
      result = registered.handler().handle(this, request);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result
      .onSuccess(fields -> send(withId(new JsonObject().put("action", action).put("success", true).mergeIn(fields), id)))
      .onFailure(failure -> send(withId(ActionErrors.fromFailure(action, failure, connectionId), id)));
  }

  private void authenticate(Object id, String token) {
    if (authTimer >= 0) {
      hub.vertx.cancelTimer(authTimer);
      authTimer = -1;
    }
    hub.services.<Principal>request(Addresses.Auth.VERIFY_TOKEN, new VerifyToken(token))
      .onSuccess(verified -> {
        if (!verified.isUser()) {
          refuseAuth(id, "Invalid token");
          return;
        }
        principal = verified;
        send(withId(new JsonObject().put("action", "auth").put("success", true), id));
        openStreams();
      })
      .onFailure(failure -> refuseAuth(id, authComment(failure)));
  }

  private static String authComment(Throwable failure) {
    if (ServiceFailure.codeOf(failure) != FailureCode.UNAUTHORIZED) {
      return "Authentication unavailable, try again";
    }
    return switch (ServiceFailure.reasonOf(failure)) {
      case "expired" -> "Expired";
      case "invalid_signature" -> "Invalid signature";
      default -> "Invalid token";
    };
  }

  private void refuseAuth(Object id, String comment) {
    send(withId(new JsonObject().put("action", "auth").put("success", false).put("comment", comment), id));
    close(CLOSE_UNAUTHORIZED, comment);
  }

  /** After auth: follow the user's topics from their cursors, pending deliveries first. */
  private void openStreams() {
    String userId = userId();
    Future<TopicList> topics = hub.services.request(Addresses.Routing.MEMBERSHIPS, new UserRef(userId));
    Future<CursorList> cursors = hub.services.request(Addresses.Pending.CURSORS, new CursorQuery(userId));
    Future.all(topics, cursors, hub.users.join(userId, Addresses.Sessions.user(userId), this))
      .compose(all -> {
        Map<Long, Long> acked = new HashMap<>();
        cursors.result().cursors().forEach(cursor -> acked.put(cursor.topicId(), cursor.afterSeq()));
        List<TopicRef> refs = topics.result().topics();
        return follow(refs, acked);
      })
      .onFailure(failure -> {
        LOG.warn("[{}] could not open the topic streams: {}", connectionId, failure.toString());
        close((short) 1011, "could not load pending messages; reconnect");
      });
  }

  /** Starts streaming topics (joining live fan-out first, then reading the log), unless already streamed. */
  Future<Void> follow(List<TopicRef> refs, Map<Long, Long> acked) {
    if (closed) {
      return Future.succeededFuture();
    }
    List<Long> fresh = new ArrayList<>();
    List<Future<Void>> joins = new ArrayList<>();
    for (TopicRef ref : refs) {
      // chats belong to the Socket.IO /chat namespace, not to the action protocol
      if (ref.kind() != TopicKind.CHAT && !streams.containsKey(ref.topicId())) {
        TopicStream stream = new TopicStream(Addresses.Delivery.of(ref.kind(), ref.topicId()),
          acked.getOrDefault(ref.topicId(), 0L));
        stream.startCatchUp();
        streams.put(ref.topicId(), stream);
        fresh.add(ref.topicId());
        joins.add(hub.topics.join(ref.topicId(), stream.address(), this));
      }
    }
    if (fresh.isEmpty()) {
      return Future.succeededFuture();
    }
    return Future.all(joins).compose(joined -> hub.services.<DeliveryBatch>request(Addresses.Pending.CATCH_UP,
        new CatchUp(userId(), fresh, hub.options.catchUpBatch())))
      .compose(batch -> afterRead(fresh, batch));
  }

  void unfollow(long topicId) {
    TopicStream stream = streams.remove(topicId);
    if (stream != null) {
      hub.topics.leave(topicId, stream.address(), this);
    }
  }

  private Future<Void> afterRead(List<Long> topicIds, DeliveryBatch batch) {
    Map<Long, List<Delivery>> byTopic = new LinkedHashMap<>();
    batch.deliveries().forEach(delivery -> byTopic.computeIfAbsent(delivery.topicId(), k -> new ArrayList<>()).add(delivery));
    byTopic.forEach((topicId, deliveries) -> {
      TopicStream stream = streams.get(topicId);
      if (stream != null) {
        stream.offerCaughtUp(deliveries, delivery -> write(delivery.asPending(), null));
      }
    });
    if (batch.more()) {
      return readOn(topicIds);
    }
    List<Long> gaps = new ArrayList<>();
    for (Long topicId : topicIds) {
      TopicStream stream = streams.get(topicId);
      if (stream != null && stream.finishCatchUp(delivery -> write(delivery, null))) {
        gaps.add(topicId);
      }
    }
    return gaps.isEmpty() ? Future.succeededFuture() : readOn(gaps);
  }

  /** Reads the logs after what this connection already wrote (a continued or a gap catch-up). */
  private Future<Void> readOn(List<Long> topicIds) {
    List<RangeStart> starts = new ArrayList<>();
    List<Long> live = new ArrayList<>();
    for (Long topicId : topicIds) {
      TopicStream stream = streams.get(topicId);
      if (stream != null) {
        starts.add(new RangeStart(topicId, stream.delivered()));
        live.add(topicId);
      }
    }
    if (closed || starts.isEmpty()) {
      return Future.succeededFuture();
    }
    return hub.services.<DeliveryBatch>request(Addresses.Routing.READ_RANGE,
        new ReadRange(userId(), starts, hub.options.catchUpBatch()))
      .compose(batch -> afterRead(live, batch));
  }

  /** A live delivery from the topic fan-out. */
  void onLive(LiveFrame frame) {
    TopicStream stream = streams.get(frame.delivery.topicId());
    if (stream == null || closed) {
      return;
    }
    if (stream.offerLive(frame.delivery, delivery -> write(delivery, frame.text()))) {
      catchUpGap(frame.delivery.topicId(), 1);
    }
  }

  /**
   * Reads what a gap left out. While the cluster heals (a node died, its consumers not yet removed) the
   * read may fail: live deliveries stay held and the read is retried, with growing pauses, before giving up.
   */
  private void catchUpGap(long topicId, int attempt) {
    readOn(List.of(topicId)).onFailure(failure -> {
      if (closed) {
        return;
      }
      if (attempt >= MAX_GAP_ATTEMPTS) {
        LOG.warn("[{}] gap catch-up failed {} times: {}", connectionId, attempt, failure.toString());
        close((short) 1011, "could not catch up; reconnect");
        return;
      }
      hub.vertx.setTimer(250L * attempt, id -> catchUpGap(topicId, attempt + 1));
    });
  }

  /** Another connection (maybe on another node) joined or left a topic for this user . */
  void onMembershipChange(MembershipChange change) {
    if (change.joined()) {
      follow(List.of(change.topic()), Map.of()).onFailure(failure ->
        LOG.warn("[{}] could not follow {}: {}", connectionId, change.topic().name(), failure.toString()));
    } else {
      unfollow(change.topic().topicId());
    }
  }

  private void write(Delivery delivery, String encoded) {
    if (closed) {
      return;
    }
    ws.writeTextMessage(encoded != null ? encoded : DeliveryFrames.encode(delivery));
    GatehouseMetrics.delivered(GatehouseMetrics.ACTION, 1);
    rememberForAck(delivery);
    lastTraffic = System.nanoTime();
    if (ws.writeQueueFull()) {
      LOG.info("[{}] slow consumer: write queue over {} bytes, closing", connectionId, hub.options.writeQueueMaxBytes());
      close(CLOSE_POLICY, "slow consumer; reconnect to catch up");
    }
  }

  private void rememberForAck(Delivery delivery) {
    if (ackIndex == null) {
      int capacity = hub.options.ackIndexSize();
      ackIndex = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Delivery> eldest) {
          return size() > capacity;
        }
      };
    }
    ackIndex.put(delivery.messageId(), delivery);
  }

  /** Where a message this connection delivered sits (topic id, seq), or null when it is not remembered. */
  long[] positionOf(String messageId) {
    Delivery delivery = ackIndex == null ? null : ackIndex.get(messageId);
    return delivery == null ? null : new long[] {delivery.topicId(), delivery.seq()};
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
    if (authTimer >= 0) {
      hub.vertx.cancelTimer(authTimer);
    }
    streams.forEach((topicId, stream) -> hub.topics.leave(topicId, stream.address(), this));
    streams.clear();
    if (principal != null) {
      hub.users.leave(principal.subject(), Addresses.Sessions.user(principal.subject()), this);
    }
    hub.sessions.remove(this);
    hub.release(ip);
  }

  private static JsonObject noAction(String comment) {
    return new JsonObject().put("action", null).put("success", false).put("comment", comment);
  }

  private static JsonObject withId(JsonObject reply, Object id) {
    return id == null ? reply : reply.put("id", id);
  }
}
