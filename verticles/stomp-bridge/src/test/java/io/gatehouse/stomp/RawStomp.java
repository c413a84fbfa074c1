package io.gatehouse.stomp;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Hand-written STOMP bytes over a WebSocket or TCP, for garbage and edge cases; blocking, test threads only. */
final class RawStomp implements AutoCloseable {

  private final StringBuffer received = new StringBuffer();
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private Consumer<Buffer> writer;
  private Runnable closer;

  private RawStomp() {
  }

  static RawStomp webSocket(Vertx vertx, int port, String uri, String cookie) throws Exception {
    RawStomp stomp = new RawStomp();
    WebSocketClient client = vertx.createWebSocketClient();
    WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("127.0.0.1").setPort(port).setURI(uri);
    if (cookie != null) {
      options.addHeader("Cookie", cookie);
    }
    WebSocket ws = client.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    ws.handler(data -> stomp.received.append(data.toString(StandardCharsets.UTF_8)));
    ws.closeHandler(v -> stomp.closed.complete(null));
    stomp.writer = data -> ws.writeTextMessage(data.toString(StandardCharsets.UTF_8));
    stomp.closer = ws::close;
    return stomp;
  }

  static RawStomp tcp(Vertx vertx, int port) throws Exception {
    RawStomp stomp = new RawStomp();
    NetClient client = vertx.createNetClient();
    NetSocket socket = client.connect(port, "127.0.0.1").toCompletionStage().toCompletableFuture()
      .get(10, TimeUnit.SECONDS);
    socket.handler(data -> stomp.received.append(data.toString(StandardCharsets.UTF_8)));
    socket.closeHandler(v -> stomp.closed.complete(null));
    stomp.writer = socket::write;
    stomp.closer = socket::close;
    return stomp;
  }

  void send(String text) {
    writer.accept(Buffer.buffer(text));
  }

  void send(Buffer bytes) {
    writer.accept(bytes);
  }

  /** Everything received until the server closed the connection (fails after 20 s). */
  String readUntilClosed() throws Exception {
    closed.get(20, TimeUnit.SECONDS);
    return received.toString();
  }

  /** Waits until {@code text} was received; returns all received so far. */
  String awaitText(String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!received.toString().contains(text)) {
      if (System.nanoTime() > deadline || closed.isDone() && !received.toString().contains(text)) {
        throw new AssertionError("never received " + text + "; got: " + received);
      }
      Thread.sleep(20);
    }
    return received.toString();
  }

  boolean isClosed() {
    return closed.isDone();
  }

  @Override
  public void close() {
    if (!closed.isDone()) {
      closer.run();
    }
  }
}
