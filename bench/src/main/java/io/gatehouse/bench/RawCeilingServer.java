package io.gatehouse.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServerOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * The raw ceiling: the least a Vert.x WebSocket server must do to answer the generator's part of the action
 * protocol on any path, with no auth and no persistence. Gatehouse figures are read as a fraction of it.
 *
 * <p>{@code java -cp gatehouse-bench.jar io.gatehouse.bench.RawCeilingServer [--port 8090] [--instances N]}
 */
public final class RawCeilingServer extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(RawCeilingServer.class);

  public static final int DEFAULT_PORT = 8090;
  public static final String HOST = "127.0.0.1";

  private final RawTopicBoard board;
  private final int port;

  private RawCeilingServer(RawTopicBoard board, int port) {
    this.board = board;
    this.port = port;
  }

  @Override
  public Future<?> start() {
    return vertx.createHttpServer(new HttpServerOptions().setHost(HOST).setPort(port))
      .webSocketHandler(socket -> new RawSession(socket, context, board).start())
      .listen();
  }

  /**
   * Deploys {@code instances} server verticles sharing one topic board and port; port 0 picks a free one.
   * Completes with the port listened on.
   */
  public static Future<Integer> start(Vertx vertx, int port, int instances) {
    int actualPort = port == 0 ? freePort() : port;
    RawTopicBoard board = new RawTopicBoard();
    return vertx.deployVerticle(() -> new RawCeilingServer(board, actualPort),
        new DeploymentOptions().setInstances(instances))
      .map(deployment -> actualPort);
  }

  public static void main(String[] args) {
    int port = DEFAULT_PORT;
    int instances = Runtime.getRuntime().availableProcessors();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[i + 1]);
        case "--instances" -> instances = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "; use --port and --instances");
      }
    }
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(instances));
    int chosenInstances = instances;
    start(vertx, port, instances)
      .onSuccess(bound -> LOG.info("raw ceiling server listening on ws://{}:{}/ws/<anything> ({} event loops, pid {})",
        HOST, bound, chosenInstances, ProcessHandle.current().pid()))
      .onFailure(failure -> {
        LOG.error("raw ceiling server failed to start: {}", failure.getMessage());
        vertx.close();
        System.exit(1);
      });
  }

  private static int freePort() {
    try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
      return probe.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port on " + HOST, e);
    }
  }
}
