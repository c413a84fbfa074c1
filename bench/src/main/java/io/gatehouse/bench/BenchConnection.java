package io.gatehouse.bench;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

/**
 * One generator WebSocket: correlates replies to its requests, times and acks deliveries, and feeds replies
 * to its publisher. Every method runs on the connection's event loop.
 */
final class BenchConnection {

  static final long REQUEST_TIMEOUT_MILLIS = 15_000;

  private final int index;
  private final RunPlan plan;
  private final Context context;
  private final ClientWebSocket socket;
  private final Map<Long, Promise<InboundFrame>> awaiting = new HashMap<>();
  private List<Object> unacked = new ArrayList<>();
  private Publisher publisher;
  private long nextRequestId = 1;
  private boolean closing;
  private boolean established;
  private final Promise<Void> authenticated = Promise.promise();

  private BenchConnection(int index, RunPlan plan, Context context, ClientWebSocket socket) {
    this.index = index;
    this.plan = plan;
    this.context = context;
    this.socket = socket;
  }

  /**
   * Opens the socket with its handlers in place before the first frame can arrive. Must be called on
   * {@code context}: the socket binds to the caller's context.
   */
  static Future<BenchConnection> open(int index, RunPlan plan, Context context, WebSocketClient client, String token) {
    ClientWebSocket socket = client.webSocket();
    BenchConnection connection = new BenchConnection(index, plan, context, socket);
    socket.handler(connection::onFrame);
    socket.closeHandler(v -> connection.onClose());
    socket.exceptionHandler(e -> plan.metrics().failed("socket_error"));
    URI node = plan.options().urlOf(index);
    WebSocketConnectOptions connect = new WebSocketConnectOptions()
      .setHost(node.getHost())
      .setPort(BenchOptions.portOf(node))
      .setSsl("wss".equals(node.getScheme()))
      .setURI(plan.options().socketPath(token))
      .setTimeout(REQUEST_TIMEOUT_MILLIS);
    context.owner().setTimer(REQUEST_TIMEOUT_MILLIS, t -> connection.authenticated.tryFail(
      "connection " + index + ": no auth answer within " + REQUEST_TIMEOUT_MILLIS + " ms"));
    return socket.connect(connect).map(connection);
  }

  int index() {
    return index;
  }

  Context context() {
    return context;
  }

  void attach(Publisher publisher) {
    this.publisher = publisher;
  }

  void send(String frame) {
    socket.writeTextMessage(frame);
  }

  /** Sends a frame carrying a fresh request id and completes with the reply that echoes it. */
  Future<InboundFrame> request(LongFunction<String> frameWithId) {
    long id = nextRequestId++;
    Promise<InboundFrame> reply = Promise.promise();
    awaiting.put(id, reply);
    long timer = context.owner().setTimer(REQUEST_TIMEOUT_MILLIS, t -> {
      if (awaiting.remove(id) != null) {
        reply.tryFail("no reply to request " + id + " on connection " + index + " within " + REQUEST_TIMEOUT_MILLIS + " ms");
      }
    });
    send(frameWithId.apply(id));
    return reply.future().andThen(ar -> context.owner().cancelTimer(timer));
  }

  void flushAcks() {
    if (!unacked.isEmpty()) {
      send(ActionRequests.ack(unacked));
      unacked = new ArrayList<>();
    }
  }

  Future<Void> close() {
    closing = true;
    return socket.close();
  }

  /**
   * Completes when the server has verified the path token ({@code {"action":"auth","success":true}}): the
   * gateway answers {@code unauthorized} to anything sent before. The raw server sends no such frame.
   */
  Future<Void> authenticated() {
    if (plan.options().target() == Target.RAW) {
      return Future.succeededFuture();
    }
    return authenticated.future();
  }

  private void onFrame(Buffer data) {
    InboundFrame frame = InboundFrame.parse(data.getBytes());
    if ("auth".equals(frame.action()) && frame.id() < 0) {
      if (Boolean.TRUE.equals(frame.success())) {
        authenticated.tryComplete();
      } else {
        authenticated.tryFail("auth refused: " + frame.failureCode());
      }
    } else if (frame.isDelivery()) {
      onDelivery(frame);
    } else if (frame.id() >= 0 && awaiting.containsKey(frame.id())) {
      awaiting.remove(frame.id()).tryComplete(frame);
    } else if ("message".equals(frame.action()) && frame.isReply() && publisher != null) {
      publisher.replied(frame);
    } else if (Boolean.FALSE.equals(frame.success()) && established) {
      // before the first ping is answered, a refusal (such as "unavailable, retry") ends in a counted retry
      plan.metrics().failed(frame.failureCode());
    }
  }

  private void onDelivery(InboundFrame delivery) {
    long arrivalNanos = System.nanoTime();
    if (delivery.messageId() != null) {
      unacked.add(delivery.messageId());
      if (unacked.size() >= plan.options().ackBatch()) {
        flushAcks();
      }
    }
    if (delivery.pending()) {
      plan.metrics().deliveredPending();
    }
    ProbeContent.Stamp stamp = plan.content().decode(delivery.content());
    Publisher origin = stamp == null ? null : plan.publisher(stamp.publisher());
    if (origin == null) {
      plan.metrics().deliveredForeign();
      return;
    }
    plan.metrics().delivered(stamp.sendNanos(), arrivalNanos);
    origin.delivered(stamp);
  }

  /** The connection answered its first ping: from now on a close by the server is an error of the run. */
  void established() {
    established = true;
  }

  private void onClose() {
    authenticated.tryFail("connection " + index + " closed before it was authenticated");
    awaiting.values().forEach(reply -> reply.tryFail("connection " + index + " closed"));
    awaiting.clear();
    if (!closing && established) {
      Short status = socket.closeStatusCode();
      plan.metrics().failed("closed_by_server" + (status == null ? "" : "_" + status));
    }
  }
}
