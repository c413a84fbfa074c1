package io.gatehouse.face.polyglot;

import io.gatehouse.contract.Addresses;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServerOptions;
import io.vertx.ext.bridge.BridgeOptions;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.eventbus.bridge.tcp.TcpEventBusBridge;

import java.util.ArrayList;
import java.util.List;

/**
 * The TCP event-bus bridge that engine workers join: on {@code bridgeHost:bridgePort} (loopback by default),
 * only the engine addresses go out to its peers, nothing may be sent in but replies, and every peer must
 * present the engine secret ({@link BridgeGuard}).
 */
public final class EngineBridge {

  private final TcpEventBusBridge bridge;
  private final BridgeGuard guard;
  private final List<Waiter> waiters = new ArrayList<>();
  private final int port;

  private record Waiter(int workers, Promise<Void> promise) {
  }

  private EngineBridge(Vertx vertx, PolyglotOptions options, EngineSecret secret, int port) {
    this.port = port;
    this.guard = new BridgeGuard(secret, this::workersChanged);
    BridgeOptions permitted = new BridgeOptions()
      .addOutboundPermitted(new PermittedOptions().setAddress(Addresses.FaceEngine.ANALYZE));
    NetServerOptions server = new NetServerOptions().setHost(options.bridgeHost()).setPort(port)
      .setTcpNoDelay(true);
    this.bridge = TcpEventBusBridge.create(vertx, permitted, server, guard);
  }

  /**
   * Listens on the configured port; with port 0 on a free one picked first (TcpEventBusBridge does not tell
   * the port its server bound), which only this node's own workers learn.
   */
  public static Future<EngineBridge> start(Vertx vertx, PolyglotOptions options, EngineSecret secret) {
    return (options.bridgePort() == 0 ? vertx.executeBlocking(() -> freePort(options.bridgeHost()))
      : Future.succeededFuture(options.bridgePort()))
      .compose(port -> {
        EngineBridge started = new EngineBridge(vertx, options, secret, port);
        return started.bridge.listen().map(listening -> started);
      });
  }

  private static int freePort(String host) throws java.io.IOException {
    try (java.net.ServerSocket probe = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName(host))) {
      return probe.getLocalPort();
    }
  }

  public int port() {
    return port;
  }

  /** Workers connected and admitted right now. */
  public int workers() {
    return guard.workers();
  }

  /** Completes once at least {@code count} workers are connected. */
  public Future<Void> awaitWorkers(int count) {
    if (guard.workers() >= count) {
      return Future.succeededFuture();
    }
    Promise<Void> promise = Promise.promise();
    waiters.add(new Waiter(count, promise));
    return promise.future();
  }

  private void workersChanged(int connected) {
    // completed after the list is updated: a completion may run code that waits again
    List<Waiter> ready = waiters.stream().filter(waiter -> waiter.workers() <= connected).toList();
    waiters.removeAll(ready);
    ready.forEach(waiter -> waiter.promise().tryComplete());
  }

  public Future<Void> close() {
    waiters.forEach(waiter -> waiter.promise().tryFail("bridge closed"));
    waiters.clear();
    return bridge.close();
  }
}
