package io.gatehouse.face.polyglot;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.edge.EdgeListener;
import io.gatehouse.contract.edge.EdgeOptions;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.bridge.BridgeOptions;
import io.vertx.ext.bridge.PermittedOptions;
import io.vertx.ext.eventbus.bridge.tcp.TcpEventBusBridge;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The TCP event-bus bridge that engine workers join: on {@code bridgeHost:bridgePort} (loopback by default),
 * only the engine addresses go out to its peers, nothing may be sent in but replies, and every peer must
 * present the engine secret ({@link BridgeGuard}). Peers reach the bridge library through {@link BridgeFrontDoor}
 * (timeouts, frame bound, TLS, connection budget, frame validation); the library itself listens only on a Unix
 * socket in an owner-only directory of its own, so no peer reaches its parser unchecked.
 */
public final class EngineBridge {

  private final Vertx vertx;
  private final TcpEventBusBridge bridge;
  private final BridgeFrontDoor frontDoor;
  private final BridgeGuard guard;
  private final Path socketDir;
  private final List<Waiter> waiters = new ArrayList<>();
  private int port;

  private record Waiter(int workers, Promise<Void> promise) {
  }

  private EngineBridge(Vertx vertx, PolyglotOptions options, EngineSecret secret, EdgeOptions edge, Path socketDir) {
    this.vertx = vertx;
    this.socketDir = socketDir;
    this.guard = new BridgeGuard(secret, this::workersChanged);
    BridgeOptions permitted = new BridgeOptions()
      .addOutboundPermitted(new PermittedOptions().setAddress(Addresses.FaceEngine.ANALYZE));
    this.bridge = TcpEventBusBridge.create(vertx, permitted, new NetServerOptions(), guard);
    this.frontDoor = new BridgeFrontDoor(vertx, options.bridgeHost(), options.bridgeSecurity(),
      new EdgeListener(vertx, edge, "engine-bridge"), librarySocket());
  }

  /** Listens on the configured port (0: a free one, which only this node's own workers learn). */
  public static Future<EngineBridge> start(Vertx vertx, PolyglotOptions options, EngineSecret secret, EdgeOptions edge) {
    return vertx.executeBlocking(EngineBridge::privateDirectory).compose(dir -> {
      EngineBridge started = new EngineBridge(vertx, options, secret, edge, dir);
      return started.bridge.listen(started.librarySocket())
        .compose(listening -> started.frontDoor.listen(options.bridgePort()))
        .map(bound -> {
          started.port = bound;
          return started;
        });
    });
  }

  /** As {@link #start(Vertx, PolyglotOptions, EngineSecret, EdgeOptions)} with the default {@code edge} limits. */
  public static Future<EngineBridge> start(Vertx vertx, PolyglotOptions options, EngineSecret secret) {
    return start(vertx, options, secret, EdgeOptions.from(new JsonObject()));
  }

  private static Path privateDirectory() throws IOException {
    return Files.createTempDirectory("gatehouse-engine-bridge",
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
  }

  private SocketAddress librarySocket() {
    return SocketAddress.domainSocketAddress(socketDir.resolve("bridge.sock").toString());
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
    return frontDoor.close().eventually(bridge::close).eventually(() -> vertx.executeBlocking(() -> {
      Files.deleteIfExists(socketDir.resolve("bridge.sock"));
      return Files.deleteIfExists(socketDir);
    })).mapEmpty();
  }
}
