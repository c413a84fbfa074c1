package io.gatehouse.gateway.bridge;

import io.gatehouse.operations.GatehouseMetrics;
import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.auth.Principal;
import io.gatehouse.contract.auth.VerifyToken;
import io.gatehouse.contract.edge.ConnectionsPerAddress;
import io.gatehouse.contract.edge.OriginPolicy;
import io.gatehouse.contract.routing.Publish;
import io.gatehouse.contract.routing.Published;
import io.gatehouse.contract.routing.TopicList;
import io.gatehouse.contract.routing.TopicRef;
import io.gatehouse.contract.routing.UserRef;
import io.gatehouse.gateway.DeletedUsers;
import io.gatehouse.gateway.ServiceBus;
import io.gatehouse.gateway.http.BearerAuth;
import io.gatehouse.gateway.http.HttpReplies;
import io.gatehouse.edge.PublishLanes;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.bridge.BridgeEventType;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.sockjs.BridgeEvent;
import io.vertx.ext.web.handler.sockjs.SockJSBridgeOptions;
import io.vertx.ext.web.handler.sockjs.SockJSHandler;
import io.vertx.ext.web.handler.sockjs.SockJSSocket;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SockJS event-bus bridge at {@code /eventbus} (PROTOCOLS §5). Outbound, only
 * {@code gatehouse.bridge.topic.<name>}: a registration carries a user JWT in its headers ({@code token} or
 * {@code Authorization: Bearer}) and is allowed for topics that user is a member of; it is then fed by a
 * {@link BridgeFeed} (catch-up from the member's cursor, live in order, gaps read from the log). Inbound, only
 * {@code gatehouse.bridge.publish} {@code {topic_name, content}} with the same token. Every other address
 * is unreachable. A socket's events are decided one after the other, so a registration is in place before a
 * later publish from the same socket is. Like {@code /ws}: a browser Origin not allowed gets 403 on every
 * request, and sockets per client address are limited (a WebSocket upgrade over the limit gets 429, a socket
 * of another transport is closed at once). A socket that presented the token of a user who is then deleted
 * is closed (4401) at the next user check ({@link DeletedUsers}).
 */
public final class EventBusBridge {

  public static final String PUBLISH = "gatehouse.bridge.publish";
  private static final String USER_ID = "gatehouse-user-id";
  private static final String USER_NAME = "gatehouse-user-name";
  /** Close status for a socket whose user was deleted (as the action protocol's 4401). */
  static final short CLOSE_USER_GONE = 4401;

  private final Vertx vertx;
  private final ServiceBus services;
  private final Map<SockJSSocket, Future<Void>> decisions = new HashMap<>();
  private final Map<SockJSSocket, Map<String, BridgeFeed>> registered = new HashMap<>();
  private final int catchUpBatch;
  private final OriginPolicy origins;
  private final ConnectionsPerAddress connections;
  private final Map<SockJSSocket, String> counted = new HashMap<>();
  private final Map<SockJSSocket, Set<String>> users = new HashMap<>();

  private final PublishLanes publishLanes = new PublishLanes();

  public EventBusBridge(Vertx vertx, ServiceBus services, OriginPolicy origins, ConnectionsPerAddress connections,
                        DeletedUsers deletedUsers, int catchUpBatch) {
    this.vertx = vertx;
    this.services = services;
    this.catchUpBatch = catchUpBatch;
    this.origins = origins;
    this.connections = connections;
    deletedUsers.watch(this::socketsByUser, socket -> socket.close(CLOSE_USER_GONE, "user no longer exists"));
  }

  /** The open sockets of each user whose token a socket presented (several users may share one socket). */
  private Map<String, List<SockJSSocket>> socketsByUser() {
    Map<String, List<SockJSSocket>> byUser = new HashMap<>();
    users.forEach((socket, ids) -> ids.forEach(id -> byUser.computeIfAbsent(id, key -> new ArrayList<>()).add(socket)));
    return byUser;
  }

  /** Graceful shutdown: every bridge socket of this instance is closed with 1001 (going away). */
  public void goAway() {
    List.copyOf(counted.keySet()).forEach(socket -> socket.close(1001, "server shutting down"));
  }

  /** Mounts {@code /eventbus/*} and the inbound publish consumer; completes when the consumer is registered. */
  public Future<Void> mount(Router router) {
    SockJSBridgeOptions options = new SockJSBridgeOptions()
      .addOutboundPermitted(new PermittedOptions().setAddressRegex("gatehouse\\.bridge\\.topic\\..+"))
      .addInboundPermitted(new PermittedOptions().setAddress(PUBLISH));
    router.route("/eventbus/*").handler(this::admit);
    router.route("/eventbus/*").subRouter(SockJSHandler.create(vertx).bridge(options, this::decide));
    return vertx.eventBus().consumer(PUBLISH, this::publish).completion();
  }

  /** A client's {@code {topic_name, content}}; any other body is refused (400) instead of failing the handler. */
  private void publish(Message<Object> message) {
    if (!(message.body() instanceof JsonObject body) || !(body.getValue("topic_name") instanceof String topic)
      || !(body.getValue("content") instanceof String content)) {
      ServiceFailure.replyFailure(message, ServiceFailure.of(FailureCode.BAD_REQUEST, "invalid_request"));
      return;
    }
    // one user's messages to one topic leave one at a time, so they are committed in the order sent
    String userId = message.headers().get(USER_ID);
    publishLanes.submit(userId + "\n" + topic, () -> services.<Published>nearest(Addresses.Routing.PUBLISH,
        Publish.toTopic(userId, message.headers().get(USER_NAME), topic, content)))
      .onSuccess(published -> message.reply(new JsonObject().put("message_id", published.messageId())))
      .onFailure(failure -> ServiceFailure.replyFailure(message, failure));
  }

  /** Every request of the bridge: the Origin rule, and the per-address limit before a WebSocket upgrade. */
  private void admit(RoutingContext ctx) {
    HttpServerRequest request = ctx.request();
    if (!origins.allows(request.getHeader(HttpHeaders.ORIGIN), request.getHeader(HttpHeaders.HOST))) {
      HttpReplies.error(ctx, 403, "forbidden_origin", "Origin not allowed");
    } else if ("websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))
      && connections.full(addressOf(request.remoteAddress()))) {
      HttpReplies.error(ctx, 429, "rate_limited", "Too many connections from this address");
    } else {
      ctx.next();
    }
  }

  private static String addressOf(SocketAddress remote) {
    return remote == null ? "unknown" : remote.hostAddress();
  }

  private void decide(BridgeEvent event) {
    SockJSSocket socket = event.socket();
    if (event.type() == BridgeEventType.SOCKET_CREATED) {
      String address = addressOf(socket.remoteAddress());
      boolean admitted = connections.admit(address);
      if (admitted) {
        counted.put(socket, address);
        GatehouseMetrics.connectionOpened(GatehouseMetrics.BRIDGE);
      } else {
        GatehouseMetrics.rateLimited(GatehouseMetrics.BRIDGE);
      }
      event.complete(admitted);
      return;
    }
    if (event.type() == BridgeEventType.SOCKET_CLOSED) {
      String address = counted.remove(socket);
      if (address != null) {
        connections.release(address);
        GatehouseMetrics.connectionClosed(GatehouseMetrics.BRIDGE);
      }
      decisions.remove(socket);
      users.remove(socket);
      Map<String, BridgeFeed> feeds = registered.remove(socket);
      if (feeds != null) {
        feeds.values().forEach(BridgeFeed::stop);
      }
      event.complete(true);
      return;
    }
    Future<Void> previous = decisions.getOrDefault(socket, Future.succeededFuture());
    Future<Void> next = previous.transform(done -> allowed(event))
      .map(allowed -> {
        event.complete(allowed);
        return (Void) null;
      });
    decisions.put(socket, next);
  }

  private Future<Boolean> allowed(BridgeEvent event) {
    JsonObject raw = event.getRawMessage();
    // a client may put anything anywhere: fields of the wrong type count as absent (and so are refused)
    String address = raw != null && raw.getValue("address") instanceof String text ? text : null;
    JsonObject headers = raw != null && raw.getValue("headers") instanceof JsonObject object ? object : null;
    return switch (event.type()) {
      case REGISTER -> register(event.socket(), address, headers);
      case UNREGISTER -> Future.succeededFuture(unregister(event.socket(), address));
      case SEND, PUBLISH -> authorizePublish(event, raw, headers);
      default -> Future.succeededFuture(true);
    };
  }

  private Future<Boolean> register(SockJSSocket socket, String address, JsonObject headers) {
    if (address == null || !address.startsWith(BridgeFeed.PREFIX)) {
      return Future.succeededFuture(false);
    }
    String name = address.substring(BridgeFeed.PREFIX.length());
    return user(socket, headers).compose(user -> services.<TopicList>retrying(Addresses.Routing.MEMBERSHIPS,
        new UserRef(user.subject()))
      .compose(list -> list.topics().stream().filter(topic -> topic.name().equals(name)).findFirst()
        .map(topic -> follow(socket, address, user.subject(), topic)).orElse(Future.succeededFuture(false))))
      .otherwise(false);
  }

  /** Streams the topic to the socket from the member's cursor, unless it already is (or the socket closed). */
  private Future<Boolean> follow(SockJSSocket socket, String address, String userId, TopicRef topic) {
    if (registered.getOrDefault(socket, Map.of()).containsKey(address)) {
      return Future.succeededFuture(true);
    }
    return BridgeFeed.open(vertx, services, socket, userId, topic, catchUpBatch).compose(feed -> {
      if (!counted.containsKey(socket) || registered.getOrDefault(socket, Map.of()).containsKey(address)) {
        return Future.succeededFuture(counted.containsKey(socket));
      }
      registered.computeIfAbsent(socket, s -> new HashMap<>()).put(address, feed);
      return feed.start().map(true);
    });
  }

  private boolean unregister(SockJSSocket socket, String address) {
    Map<String, BridgeFeed> feeds = registered.get(socket);
    BridgeFeed feed = feeds == null ? null : feeds.remove(address);
    if (feed != null) {
      feed.stop();
    }
    return true;
  }

  /** Replaces the client's headers with the verified sender, so no client can speak for another user. */
  private Future<Boolean> authorizePublish(BridgeEvent event, JsonObject raw, JsonObject headers) {
    return user(event.socket(), headers).map(user -> {
      event.setRawMessage(raw.copy().put("headers", new JsonObject().put(USER_ID, user.subject())
        .put(USER_NAME, user.name())));
      return true;
    }).otherwise(false);
  }

  /** The user of a token in {@code headers}; remembered for {@code socket}, which ends if the user is deleted. */
  private Future<Principal> user(SockJSSocket socket, JsonObject headers) {
    return user(headers).onSuccess(user -> {
      if (counted.containsKey(socket)) {
        users.computeIfAbsent(socket, s -> new HashSet<>()).add(user.subject());
      }
    });
  }

  private Future<Principal> user(JsonObject headers) {
    String token = headers != null && headers.getValue("token") instanceof String text ? text : null;
    if (token == null && headers != null && headers.getValue("Authorization") instanceof String authorization) {
      token = BearerAuth.tokenOf(authorization);
    }
    if (token == null) {
      return Future.failedFuture("no token");
    }
    return services.<Principal>retrying(Addresses.Auth.VERIFY_TOKEN, new VerifyToken(token))
      .compose(principal -> principal.isUser() ? Future.succeededFuture(principal) : Future.failedFuture("not a user"));
  }
}
