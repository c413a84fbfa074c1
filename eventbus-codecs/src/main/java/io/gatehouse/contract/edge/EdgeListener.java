package io.gatehouse.contract.edge;

import io.netty.channel.ChannelPipeline;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.net.impl.ConnectionBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * What {@link EdgeOptions} asks of a listener, applied in one place for every listener of a node: the read
 * idle timeout and TLS on its server options, the node's {@link ConnectionBudget} on each accepted connection
 * (refused ones are closed at once), and on HTTP listeners the {@link HttpDeadlines} for request heads and
 * bodies and the HSTS header.
 *
 * <p>Vert.x has no read deadline for a request head or body and no public handle on a connection's Netty
 * pipeline nor a close notice that survives a WebSocket upgrade; both are reached through the connection's
 * {@link ConnectionBase} (the one use of a Vert.x internal class here, covered by the slow-header and
 * released-WebSocket tests), with a warning and the plain close handler if that ever fails.
 */
public final class EdgeListener {

  private static final Logger LOG = LoggerFactory.getLogger(EdgeListener.class);
  private static final String HSTS = "Strict-Transport-Security";

  private final EdgeOptions options;
  private final ConnectionBudget budget;
  private final String name;

  public EdgeListener(Vertx vertx, EdgeOptions options, String name) {
    this.options = options;
    this.budget = ConnectionBudget.of(vertx, options);
    this.name = name;
  }

  /**
   * {@code base} with the idle timeout and, when configured, TLS. HTTP/2 over cleartext is off: with it on,
   * Vert.x sets a connection up only once its first bytes show which protocol it speaks, so a client that
   * connects and sends nothing would be neither counted nor timed.
   */
  public HttpServerOptions http(HttpServerOptions base) {
    base.setHttp2ClearTextEnabled(false)
      .setIdleTimeoutUnit(TimeUnit.MILLISECONDS).setReadIdleTimeout(idleTimeout());
    if (options.tls().enabled()) {
      base.setSsl(true).setKeyCertOptions(keyCert());
    }
    return base;
  }

  /** {@code base} with the idle timeout and, when configured, TLS. */
  public NetServerOptions tcp(NetServerOptions base) {
    base.setIdleTimeoutUnit(TimeUnit.MILLISECONDS).setReadIdleTimeout(idleTimeout());
    if (options.tls().enabled()) {
      base.setSsl(true).setKeyCertOptions(keyCert());
    }
    return base;
  }

  /** Counts every connection of {@code server} against the budget and puts the read deadlines on it. */
  public HttpServer guard(HttpServer server) {
    return server.connectionHandler(this::accepted);
  }

  /** {@code handler} with the HSTS header on every response while TLS is on. */
  public Handler<HttpServerRequest> withHsts(Handler<HttpServerRequest> handler) {
    String hsts = options.tls().hstsHeader();
    if (hsts == null) {
      return handler;
    }
    return request -> {
      request.response().putHeader(HSTS, hsts);
      handler.handle(request);
    };
  }

  /**
   * Admits a TCP connection against the budget: true when admitted (the caller calls {@link #release} when it
   * closes), false when refused (the caller closes it, with a protocol farewell if it has one).
   */
  public boolean admit(NetSocket socket) {
    String address = addressOf(socket.remoteAddress());
    ConnectionBudget.Refusal refusal = budget.admit(address);
    if (refusal != null) {
      refused(address, refusal);
      return false;
    }
    return true;
  }

  /** Releases a TCP connection {@link #admit} admitted. */
  public void release(NetSocket socket) {
    budget.release(addressOf(socket.remoteAddress()));
  }

  private void accepted(HttpConnection connection) {
    String address = addressOf(connection.remoteAddress());
    ConnectionBudget.Refusal refusal = budget.admit(address);
    if (refusal != null) {
      refused(address, refusal);
      connection.close();
      return;
    }
    if (!(connection instanceof ConnectionBase base)) {
      LOG.warn("{}: no request deadlines on a {} (Vert.x changed)", name, connection.getClass().getName());
      connection.closeHandler(v -> budget.release(address));
      return;
    }
    // released when the channel closes: once a connection becomes a WebSocket, Vert.x hands the channel to a
    // new connection object and the HTTP connection's close handler never runs
    base.channelHandlerContext().channel().closeFuture().addListener(closed -> budget.release(address));
    installDeadlines(base);
  }

  private void installDeadlines(ConnectionBase connection) {
    ChannelPipeline pipeline = connection.channelHandlerContext().pipeline();
    if (pipeline.get(HttpDeadlines.NAME) == null) {
      HttpDeadlines deadlines = new HttpDeadlines(options.headerTimeoutMs(), options.bodyTimeoutMs());
      pipeline.addBefore(connection.channelHandlerContext().name(), HttpDeadlines.NAME, deadlines);
      pipeline.addFirst(HttpDeadlines.BYTES_NAME, deadlines.byteWatcher());
    }
  }

  private void refused(String address, ConnectionBudget.Refusal refusal) {
    LOG.debug("{}: connection from {} refused ({})", name, address, refusal == ConnectionBudget.Refusal.NODE_FULL
      ? "node at edge.maxConnections " + budget.maxTotal() : "address at edge.maxConnectionsPerAddress");
  }

  private int idleTimeout() {
    return (int) Math.min(Integer.MAX_VALUE, options.idleTimeoutMs());
  }

  private PemKeyCertOptions keyCert() {
    return new PemKeyCertOptions().setCertPath(options.tls().certPath()).setKeyPath(options.tls().keyPath());
  }

  private static String addressOf(SocketAddress remote) {
    return remote == null || remote.hostAddress() == null ? "unknown" : remote.hostAddress();
  }
}
