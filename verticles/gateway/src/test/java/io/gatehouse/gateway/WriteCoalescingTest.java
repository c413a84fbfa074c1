package io.gatehouse.gateway;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPipeline;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.HttpServer;
import io.vertx.core.net.impl.ConnectionBase;
import io.vertx.ext.web.Router;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("write coalescing: the frames of one event-loop pass reach the socket in one flush")
class WriteCoalescingTest {

  private final Vertx vertx = Vertx.vertx();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("on: three frames written in one pass cost one flush of the channel, and arrive in order")
  void coalesced() throws Exception {
    Outcome outcome = run(new WriteCoalescing(true), 3);
    assertThat(outcome.installed).isTrue();
    assertThat(outcome.received).containsExactly("one", "two", "three");
    assertThat(outcome.flushes.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("off: each frame is flushed on its own, as Vert.x does by default")
  void disabled() throws Exception {
    Outcome outcome = run(new WriteCoalescing(false), 3);
    assertThat(outcome.installed).isFalse();
    assertThat(outcome.received).containsExactly("one", "two", "three");
    assertThat(outcome.flushes.get()).isEqualTo(3);
  }

  @Test
  @DisplayName("installing twice on one connection adds one handler, and closing flushes what is pending")
  void idempotentAndFlushedOnClose() throws Exception {
    WriteCoalescing coalescing = new WriteCoalescing(true);
    CompletableFuture<List<String>> names = new CompletableFuture<>();
    List<String> received = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> closed = new CompletableFuture<>();
    Router router = Router.router(vertx);
    router.get("/ws").handler(ctx -> ctx.request().toWebSocket().onSuccess(ws -> {
      coalescing.install(ctx.request());
      coalescing.install(ctx.request());
      names.complete(pipeline(ctx.request().connection()).names());
      ws.writeTextMessage("last words");
      ws.close();
    }));
    int port = listen(router);
    ClientWebSocket client = vertx.createWebSocketClient().webSocket();
    client.textMessageHandler(received::add);
    client.closeHandler(v -> closed.complete(null));
    client.connect(port, "127.0.0.1", "/ws").onFailure(closed::completeExceptionally);
    closed.get(10, TimeUnit.SECONDS);
    assertThat(names.get(10, TimeUnit.SECONDS)).filteredOn(name -> name.startsWith("gatehouse-")).hasSize(1);
    assertThat(received).containsExactly("last words");
  }

  private record Outcome(boolean installed, List<String> received, AtomicInteger flushes) {
  }

  private Outcome run(WriteCoalescing coalescing, int frames) throws Exception {
    AtomicInteger flushes = new AtomicInteger();
    boolean[] installed = new boolean[1];
    List<String> received = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> all = new CompletableFuture<>();
    Router router = Router.router(vertx);
    router.get("/ws").handler(ctx -> ctx.request().toWebSocket().onSuccess(ws -> {
      installed[0] = coalescing.install(ctx.request());
      // below the coalescing handler, next to the socket: counts the flushes that reach the channel
      pipeline(ctx.request().connection()).addFirst(new ChannelOutboundHandlerAdapter() {
        @Override
        public void flush(ChannelHandlerContext context) {
          flushes.incrementAndGet();
          context.flush();
        }
      });
      // the next pass, so that no read of this connection is in progress (Vert.x defers flushes in a read)
      vertx.setTimer(50, id -> {
        for (String text : List.of("one", "two", "three").subList(0, frames)) {
          ws.writeTextMessage(text);
        }
      });
    }));
    int port = listen(router);
    ClientWebSocket client = vertx.createWebSocketClient().webSocket();
    client.textMessageHandler(text -> {
      received.add(text);
      if (received.size() == frames) {
        all.complete(null);
      }
    });
    client.connect(port, "127.0.0.1", "/ws").onFailure(all::completeExceptionally);
    all.get(10, TimeUnit.SECONDS);
    return new Outcome(installed[0], received, flushes);
  }

  private static ChannelPipeline pipeline(io.vertx.core.http.HttpConnection connection) {
    return ((ConnectionBase) connection).channelHandlerContext().channel().pipeline();
  }

  private int listen(Router router) throws Exception {
    HttpServer server = vertx.createHttpServer().requestHandler(router);
    return server.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).actualPort();
  }
}
