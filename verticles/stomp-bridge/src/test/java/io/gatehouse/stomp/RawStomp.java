package io.gatehouse.stomp;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
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
    // Handlers are set in the completion callback, on the connection's event loop, so that a frame the server
    // sends right away (a refusal) cannot arrive before anyone listens.
    WebSocket ws = client.connect(options).map(connected -> {
      connected.handler(data -> stomp.received.append(data.toString(StandardCharsets.UTF_8)));
      connected.closeHandler(v -> stomp.closed.complete(null));
      return connected;
    }).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    stomp.writer = data -> ws.writeTextMessage(data.toString(StandardCharsets.UTF_8));
    stomp.closer = ws::close;
    return stomp;
  }

  /**
   * A plain blocking socket read by its own thread: nothing the server sends first (a refusal) can be missed,
   * as it could be with a Vert.x socket whose handler is set after the connection completes.
   */
  static RawStomp tcp(int port) throws Exception {
    RawStomp stomp = new RawStomp();
    Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
    OutputStream out = socket.getOutputStream();
    Thread reader = new Thread(() -> {
      byte[] chunk = new byte[8192];
      try (InputStream in = socket.getInputStream()) {
        for (int read; (read = in.read(chunk)) >= 0; ) {
          stomp.received.append(new String(chunk, 0, read, StandardCharsets.UTF_8));
        }
      } catch (IOException closedUnderUs) {
        // a reset or our own close: the connection is over either way
      }
      stomp.closed.complete(null);
    }, "raw-stomp-reader");
    reader.setDaemon(true);
    reader.start();
    stomp.writer = data -> {
      try {
        out.write(data.getBytes());
        out.flush();
      } catch (IOException e) {
        // the server closed the connection; what it sent before is in received
      }
    };
    stomp.closer = () -> {
      try {
        socket.close();
      } catch (IOException ignored) {
        // already closed
      }
    };
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
    return awaitText(text, 20);
  }

  /** Waits up to {@code seconds} until {@code text} was received; returns all received so far. */
  String awaitText(String text, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
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
