package io.gatehouse.bench.chat;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Socket.IO client socket on {@value InboundPacket#NAMESPACE}, straight over a WebSocket (Engine.IO v4, no
 * polling): waits for the Engine.IO open, connects the namespace with the token, answers pings, settles
 * acks and hands events to its listener. Every method runs on the event loop it was opened on.
 */
final class ChatSocket {

  static final String PATH = "/socket.io/?EIO=4&transport=websocket";
  static final long TIMEOUT_MILLIS = 30_000;
  static final long TIMEOUT_NANOS = TIMEOUT_MILLIS * 1_000_000;

  private static final Logger LOG = LoggerFactory.getLogger(ChatSocket.class);

  /** Gets the events of the namespace, whatever their name. */
  interface EventListener {
    void onEvent(InboundPacket event);
  }

  private final int index;
  private final String token;
  private final ChatTally tally;
  private final ClientWebSocket socket;
  private final AckTracker acks = new AckTracker();
  private final Promise<ChatSocket> connected = Promise.promise();
  private EventListener listener;
  private boolean closing;

  private ChatSocket(int index, String token, ChatTally tally, ClientWebSocket socket) {
    this.index = index;
    this.token = token;
    this.tally = tally;
    this.socket = socket;
  }

  /** Opens the WebSocket and connects the namespace; fails on a connect error or after the timeout. */
  static Future<ChatSocket> open(Vertx vertx, WebSocketClient client, ChatOptions options, int index, String token,
                                 ChatTally tally) {
    ChatSocket chat = new ChatSocket(index, token, tally, client.webSocket());
    chat.socket.handler(chat::onFrame);
    chat.socket.closeHandler(v -> chat.onClose());
    chat.socket.exceptionHandler(e -> LOG.debug("socket {}: {}", index, e.toString()));
    long timer = vertx.setTimer(TIMEOUT_MILLIS,
      t -> chat.failConnect("no namespace connect within " + TIMEOUT_MILLIS + " ms"));
    WebSocketConnectOptions connect = new WebSocketConnectOptions()
      .setHost(options.host())
      .setPort(options.port())
      .setSsl(options.ssl())
      .setURI(PATH)
      .setTimeout(TIMEOUT_MILLIS);
    chat.socket.connect(connect).onFailure(e -> chat.failConnect("WebSocket upgrade failed: " + e.getMessage()));
    return chat.connected.future().andThen(done -> vertx.cancelTimer(timer));
  }

  void listen(EventListener listener) {
    this.listener = listener;
  }

  /** Reserves an ack id for the frame about to be sent; the waiter fails if no ack comes in time. */
  long expectAck(AckTracker.Waiter waiter, long nowNanos) {
    return acks.await(waiter, nowNanos + TIMEOUT_NANOS);
  }

  void send(String frame) {
    socket.writeTextMessage(frame);
  }

  void expireAcks(long nowNanos) {
    acks.expire(nowNanos);
  }

  Future<Void> close() {
    if (closing || socket.isClosed()) {
      return Future.succeededFuture();
    }
    closing = true;
    socket.writeTextMessage(OutboundPackets.DISCONNECT);
    return socket.close();
  }

  private void onFrame(Buffer data) {
    InboundPacket packet = InboundPacket.decode(data.getBytes());
    switch (packet.kind()) {
      case OPEN -> send(OutboundPackets.connect(token));
      case PING -> send(OutboundPackets.PONG);
      case CONNECT -> connected.tryComplete(this);
      case EVENT -> {
        if (listener != null) {
          listener.onEvent(packet);
        }
      }
      case ACK -> acks.complete(packet.ackId(), packet);
      case CONNECT_ERROR -> failConnect("connect error from the server: " + packet.payloadText());
      case DISCONNECT, CLOSE -> {
        LOG.warn("socket {}: the server closed the {} ({})", index,
          packet.kind() == InboundPacket.Kind.CLOSE ? "Engine.IO session" : "namespace", packet.payloadText());
        closing = true;
        socket.close();
      }
      case MALFORMED -> malformed(packet);
      case IGNORED -> {
      }
    }
  }

  private void malformed(InboundPacket packet) {
    if (tally.countMalformed()) {
      LOG.warn("socket {}: frame does not parse, counted as an error: {}", index, packet);
    }
  }

  private void failConnect(String reason) {
    if (connected.tryFail("socket " + index + ": " + reason)) {
      closing = true;
      socket.close();
    } else if (!closing) {
      LOG.warn("socket {}: {}", index, reason);
    }
  }

  private void onClose() {
    connected.tryFail("socket " + index + ": closed before the namespace connected");
    acks.failAll("socket closed");
    if (!closing && tally.countClosedByServer()) {
      LOG.warn("socket {}: closed by the server (status {}); further closes are only counted", index,
        socket.closeStatusCode());
    }
  }
}
