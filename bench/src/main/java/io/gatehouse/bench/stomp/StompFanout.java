package io.gatehouse.bench.stomp;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetSocket;
import io.vertx.ext.web.client.WebClient;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fan-out load over STOMP: one topic, {@code subscribers} STOMP-over-TCP connections subscribed with
 * {@code ack:auto}, one publisher connection writing {@code sends} SENDs as fast as its socket takes them.
 * Reports deliveries per second from the first SEND written to the last MESSAGE received, the seconds until
 * the last SEND's RECEIPT (every SEND committed: the publisher's pace, which the per-user message quota
 * governs when it is not lifted), and any ERROR frame or close. Usage: {@code java -cp gatehouse-bench.jar io.gatehouse.bench.stomp.StompFanout HOST HTTP_PORT
 * STOMP_PORT SUBSCRIBERS SENDS}. Loopback only.
 */
public final class StompFanout {

  private StompFanout() {
  }

  public static void main(String[] args) throws Exception {
    String host = args[0];
    if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
      throw new IllegalArgumentException("loopback targets only");
    }
    int httpPort = Integer.parseInt(args[1]);
    int stompPort = Integer.parseInt(args[2]);
    int subscribers = Integer.parseInt(args[3]);
    int sends = Integer.parseInt(args[4]);
    Vertx vertx = Vertx.vertx();
    try {
      String run = UUID.randomUUID().toString().substring(0, 8);
      WebClient web = WebClient.create(vertx);
      String listener = await(register(web, host, httpPort, "stomp_listener_" + run));
      String talker = await(register(web, host, httpPort, "stomp_talker_" + run));
      String topic = "stomp-fanout-" + run;
      await(createTopic(vertx, host, httpPort, talker, topic));

      AtomicLong frames = new AtomicLong();
      AtomicLong errors = new AtomicLong();
      AtomicLong closed = new AtomicLong();
      NetClient tcp = vertx.createNetClient();
      String subscribe = "CONNECT\naccept-version:1.2\nhost:gatehouse\npasscode:" + listener + "\n\n\0"
        + "SUBSCRIBE\nid:s\ndestination:/topic/" + topic + "\nack:auto\nreceipt:subscribed\n\n\0";
      List<NetSocket> sockets = new ArrayList<>();
      for (int i = 0; i < subscribers; i++) {
        NetSocket socket = await(tcp.connect(stompPort, host));
        FrameCounter counter = new FrameCounter(frames, errors);
        socket.handler(counter::onData);
        socket.closeHandler(v -> closed.incrementAndGet());
        socket.write(subscribe);
        sockets.add(socket);
      }
      // CONNECTED and the SUBSCRIBE's RECEIPT: every subscription is live before the first SEND
      waitFor(() -> frames.get() >= 2L * subscribers || errors.get() > 0 || closed.get() > 0, 300);

      NetSocket publisher = await(tcp.connect(stompPort, host));
      FrameCounter publisherFrames = new FrameCounter(new AtomicLong(), errors);
      AtomicLong committedAt = new AtomicLong();
      publisher.handler(data -> {
        publisherFrames.onData(data);
        if (data.toString().contains("receipt-id:last")) {
          committedAt.set(System.nanoTime());
        }
        if (data.toString().contains("ERROR")) {
          System.err.println("publisher: " + data.toString().replace('\0', '|'));
        }
      });
      publisher.write("CONNECT\naccept-version:1.2\npasscode:" + talker + "\n\n\0");
      long expected = 2L * subscribers + (long) subscribers * sends;
      long start = System.nanoTime();
      StringBuilder burst = new StringBuilder();
      for (int n = 1; n <= sends; n++) {
        burst.append("SEND\ndestination:/topic/").append(topic).append(n == sends ? "\nreceipt:last" : "")
          .append("\n\nmessage ").append(n).append('\0');
        if (n % 100 == 0 || n == sends) {
          publisher.write(burst.toString());
          burst.setLength(0);
        }
      }
      waitFor(() -> frames.get() >= expected || errors.get() > 0 || closed.get() > 0, 600);
      double seconds = (System.nanoTime() - start) / 1e9;
      waitFor(() -> committedAt.get() != 0 || errors.get() > 0 || closed.get() > 0, 60);
      double publisherSeconds = committedAt.get() == 0 ? -1 : (committedAt.get() - start) / 1e9;
      long deliveries = frames.get() - 2L * subscribers;
      System.out.println(new JsonObject().put("protocol", "stomp").put("subscribers", subscribers).put("sends", sends)
        .put("deliveries", deliveries).put("expected", (long) subscribers * sends).put("seconds", seconds)
        .put("deliveriesPerSecond", Math.round(deliveries / seconds)).put("publisherSeconds", publisherSeconds)
        .put("sendsPerSecond", publisherSeconds > 0 ? Math.round(sends / publisherSeconds) : 0)
        .put("errors", errors.get())
        .put("closed", closed.get()).encodePrettily());
      sockets.forEach(NetSocket::close);
      publisher.close();
      // referenced until here: Vert.x closes a client, and all its sockets, once nothing refers to it
      await(tcp.close());
    } finally {
      vertx.close();
    }
  }

  /** Counts NUL-terminated frames; a frame that starts with E is an ERROR. */
  private static final class FrameCounter {
    private final AtomicLong frames;
    private final AtomicLong errors;
    private boolean atStart = true;

    FrameCounter(AtomicLong frames, AtomicLong errors) {
      this.frames = frames;
      this.errors = errors;
    }

    void onData(Buffer chunk) {
      for (int i = 0; i < chunk.length(); i++) {
        byte b = chunk.getByte(i);
        if (b == 0) {
          frames.incrementAndGet();
          atStart = true;
        } else if (atStart && b != '\n' && b != '\r') {
          if (b == 'E' && errors.incrementAndGet() == 1) {
            System.err.println("first ERROR: " + chunk.getString(i, Math.min(chunk.length(), i + 200)));
          }
          atStart = false;
        }
      }
    }
  }

  private static Future<String> register(WebClient web, String host, int port, String username) {
    return web.post(port, host, "/register").sendJsonObject(new JsonObject().put("username", username)
        .put("password", "bench password " + username).put("email", username + "@bench.example.com"))
      .map(response -> response.bodyAsJsonObject().getString("access_token"));
  }

  /** Over the action protocol: the token in the path is checked first (its auth answer), then the topic is created. */
  private static Future<Void> createTopic(Vertx vertx, String host, int port, String token, String topic) {
    WebSocketClient client = vertx.createWebSocketClient();
    return client.connect(port, host, "/ws/" + token).compose(ws -> {
      io.vertx.core.Promise<Void> created = io.vertx.core.Promise.promise();
      ws.textMessageHandler(text -> {
        JsonObject reply = new JsonObject(text);
        if ("auth".equals(reply.getString("action")) && reply.getBoolean("success", false)) {
          ws.writeTextMessage(new JsonObject().put("action", "create").put("topic_name", topic)
            .put("is_private", false).encode());
        } else if ("create".equals(reply.getString("action")) && reply.getBoolean("success", false)) {
          created.tryComplete();
        } else {
          created.tryFail("creating the topic: " + text);
        }
      });
      return created.future().eventually(ws::close);
    }).eventually(client::close);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static void waitFor(java.util.function.BooleanSupplier done, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!done.getAsBoolean() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}
