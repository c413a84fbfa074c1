package io.gatehouse.gateway;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketClientOptions;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A blocking action-protocol test client: every received text frame is queued as JSON. */
public final class ActionClient implements AutoCloseable {

  private final WebSocketClient client;
  private final WebSocket socket;
  private final BlockingQueue<JsonObject> received = new LinkedBlockingQueue<>();
  private volatile Short closeCode;

  private ActionClient(WebSocketClient client, String host, String uri, int port) {
    this.client = client;
    // handlers set before connecting: frames that come with the handshake are not missed
    ClientWebSocket ws = client.webSocket();
    ws.textMessageHandler(text -> received.add(new JsonObject(text)));
    ws.closeHandler(v -> closeCode = ws.closeStatusCode() == null ? -1 : ws.closeStatusCode());
    this.socket = await(ws.connect(new WebSocketConnectOptions().setHost(host).setPort(port).setURI(uri)));
  }

  public static ActionClient connect(Vertx vertx, int port, String uri) {
    return connect(vertx, "127.0.0.1", port, uri);
  }

  public static ActionClient connect(Vertx vertx, String host, int port, String uri) {
    WebSocketClient client = vertx.createWebSocketClient(new WebSocketClientOptions().setMaxFrameSize(1 << 22)
      .setMaxMessageSize(1 << 24));
    return new ActionClient(client, host, uri, port);
  }

  /** Connects with the token in the path and waits for the auth confirmation. */
  public static ActionClient login(Vertx vertx, int port, String token) {
    return login(vertx, "127.0.0.1", port, token);
  }

  public static ActionClient login(Vertx vertx, String host, int port, String token) {
    ActionClient client = connect(vertx, host, port, "/ws/" + token);
    client.expect(json -> "auth".equals(json.getString("action")) && Boolean.TRUE.equals(json.getBoolean("success")));
    return client;
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public void send(JsonObject message) {
    await(socket.writeTextMessage(message.encode()));
  }

  public void sendText(String text) {
    await(socket.writeTextMessage(text));
  }

  public void sendBinary(Buffer bytes) {
    await(socket.writeBinaryMessage(bytes));
  }

  /** Sends and waits for the reply to this action (the next frame with the same action that is not a delivery). */
  public JsonObject call(JsonObject message) {
    String action = message.getString("action");
    send(message);
    return expect(json -> action.equals(json.getString("action")) && json.containsKey("success"));
  }

  /** The next received frame matching {@code wanted}; frames before it that do not match are kept in order. */
  public JsonObject expect(Predicate<JsonObject> wanted) {
    return expect(wanted, Duration.ofSeconds(20));
  }

  public synchronized JsonObject expect(Predicate<JsonObject> wanted, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<JsonObject> skipped = new ArrayList<>();
    try {
      while (true) {
        long left = deadline - System.nanoTime();
        JsonObject next = left <= 0 ? null : received.poll(left, TimeUnit.NANOSECONDS);
        if (next == null) {
          throw new AssertionError("no frame matching after " + timeout + "; got " + skipped + ", closed " + closeCode);
        }
        if (wanted.test(next)) {
          List<JsonObject> rest = new ArrayList<>(skipped);
          received.drainTo(rest);
          received.addAll(rest);
          return next;
        }
        skipped.add(next);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Deliveries ({@code action: message} frames without {@code success}) received within {@code quiet} of each other. */
  public List<JsonObject> deliveries(int count, Duration timeout) {
    List<JsonObject> deliveries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      deliveries.add(expect(ActionClient::isDelivery, timeout));
    }
    return deliveries;
  }

  /** Asserts nothing but heartbeats arrives within {@code quiet}; returns what did arrive otherwise. */
  public List<JsonObject> drain(Duration quiet) {
    List<JsonObject> got = new ArrayList<>();
    try {
      JsonObject next;
      while ((next = received.poll(quiet.toMillis(), TimeUnit.MILLISECONDS)) != null) {
        if (!"heartbeat".equals(next.getString("action"))) {
          got.add(next);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return got;
  }

  public static boolean isDelivery(JsonObject json) {
    return "message".equals(json.getString("action")) && !json.containsKey("success");
  }

  /** Waits for the server to close the socket and returns the close code. */
  public short awaitClose(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (closeCode == null && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (closeCode == null) {
      throw new AssertionError("socket not closed within " + timeout);
    }
    return closeCode;
  }

  public boolean isClosed() {
    return closeCode != null;
  }

  @Override
  public void close() {
    if (closeCode == null) {
      socket.close();
    }
    client.close();
  }
}
