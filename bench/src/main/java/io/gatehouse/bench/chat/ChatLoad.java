package io.gatehouse.bench.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;

/**
 * The Socket.IO chat load of {@code bench/socketio/chat-load.mjs} in Java: the same options, pairs, closed loops
 * and result line (plus {@code "client":"java"}), over the same wire protocol, at a fraction of the node
 * client's CPU, so a comparison on a small machine measures the servers rather than the generator.
 * Usage: {@code ChatLoad --target gatehouse|peer --url http://127.0.0.1:PORT [--pairs 1000] [--seconds 20]
 * [--warmup 5] [--window 1] [--connect-batch 100] [--event-loops 1]}.
 */
public final class ChatLoad {

  private static final Logger LOG = LoggerFactory.getLogger(ChatLoad.class);

  private ChatLoad() {
  }

  public static void main(String[] args) {
    // The result line is the only thing on stdout: logging (logback's console appender writes to whatever
    // System.out is at the time) goes to stderr from here on.
    PrintStream resultOut = System.out;
    System.setOut(System.err);
    ChatOptions options;
    try {
      options = ChatOptions.parse(args);
    } catch (IllegalArgumentException e) {
      LOG.error("{}", e.getMessage());
      LOG.error("usage: --target gatehouse|peer --url http://127.0.0.1:PORT [--pairs 1000] [--seconds 20] "
        + "[--warmup 5] [--window 1] [--connect-batch 100] [--event-loops 1]");
      System.exit(2);
      return;
    }
    // Netty's epoll transport where it loads (Linux x86-64), Java NIO elsewhere: epoll costs less per frame.
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.eventLoops())
      .setPreferNativeTransport(true));
    LOG.info("network transport: {}", vertx.isNativeTransportEnabled() ? "native epoll" : "Java NIO");
    int status = 0;
    try {
      resultOut.println(run(vertx, options).await().toJson().encode());
      resultOut.flush();
    } catch (Exception e) {
      // await() rethrows whatever failed the run, checked exceptions included (a refused connection).
      LOG.error("chat load failed: {}", e.getMessage());
      status = 1;
    } finally {
      vertx.close().await();
    }
    System.exit(status);
  }

  /** Runs the load on {@code vertx}, whose event loops the pairs spread over; closes every socket it opened. */
  public static Future<ChatResult> run(Vertx vertx, ChatOptions options) {
    LOG.info("chat load ({} client) against {} at {}: {} pairs, window {}, {} event loop(s)", "java",
      options.target().label(), options.url(), options.pairs(), options.window(), options.eventLoops());
    return new ChatRun(vertx, options).run();
  }
}
