package io.gatehouse.gateway;

import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** A raw WebSocket on the Engine.IO endpoint, recording text frames and the close; test threads only. */
final class RawEngineSocket {

  final LinkedBlockingQueue<String> frames = new LinkedBlockingQueue<>();
  final CompletableFuture<Short> closed = new CompletableFuture<>();
  final WebSocket ws;

  RawEngineSocket(GatewayFixture gateway, String uri) {
    // handlers set before connecting: frames that come with the handshake (the open packet) are not missed
    ClientWebSocket socket = gateway.vertx.createWebSocketClient().webSocket();
    socket.textMessageHandler(frames::add);
    socket.closeHandler(v -> closed.complete(socket.closeStatusCode()));
    ws = GatewayFixture.await(socket.connect(gateway.port, "127.0.0.1", uri));
  }

  String next() throws InterruptedException {
    String frame = frames.poll(10, TimeUnit.SECONDS);
    assertThat(frame).as("a frame").isNotNull();
    return frame;
  }

  /** The next frame that is not a ping; pings are answered on the way. */
  String nextAnsweringPings() throws InterruptedException {
    String frame = next();
    while (frame.equals("2")) {
      ws.writeTextMessage("3");
      frame = next();
    }
    return frame;
  }

  /** Answers pings until {@code count} of them came; fails if the socket closes meanwhile. */
  void answerPings(int count) throws InterruptedException {
    for (int i = 0; i < count; i++) {
      String frame = frames.poll(10, TimeUnit.SECONDS);
      assertThat(closed).as("closed while answering pings").isNotDone();
      assertThat(frame).isEqualTo("2");
      ws.writeTextMessage("3");
    }
  }

  boolean closesWithin(int seconds) throws Exception {
    closed.get(seconds, TimeUnit.SECONDS);
    return true;
  }
}
