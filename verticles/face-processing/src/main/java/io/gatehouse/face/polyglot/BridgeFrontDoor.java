package io.gatehouse.face.polyglot;

import io.gatehouse.contract.edge.EdgeListener;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.NetClient;
import io.vertx.core.net.NetServer;
import io.vertx.core.net.NetServerOptions;
import io.vertx.core.net.NetSocket;
import io.vertx.core.net.PemKeyCertOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.core.parsetools.RecordParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.TimeUnit;

/**
 * The engine bridge's listener, in front of the bridge library (which listens on a private Unix socket only):
 * each peer connection is admitted against the node's connection budget, closed after {@code idleTimeoutMs}
 * without a byte from it, optionally spoken over TLS, and relayed to the library one frame at a time. A frame
 * is read by its 4-byte length (1 to {@code maxFrameBytes}) and must pass {@link BridgeFrameRules}; anything
 * else is answered with an {@code err} frame naming the reason, and the connection is closed. What the bridge
 * sends back goes to the peer unchanged.
 */
final class BridgeFrontDoor {

  static final String INVALID_LENGTH = "invalid_length";
  static final String FRAME_TOO_LARGE = "frame_too_large";

  private static final Logger LOG = LoggerFactory.getLogger(BridgeFrontDoor.class);
  private static final int LENGTH_BYTES = 4;

  private final NetServer server;
  private final NetClient client;
  private final SocketAddress bridge;
  private final EdgeListener edge;
  private final int maxFrameBytes;

  BridgeFrontDoor(Vertx vertx, String host, BridgeSecurity options, EdgeListener edge, SocketAddress bridge) {
    NetServerOptions serverOptions = new NetServerOptions().setHost(host).setTcpNoDelay(true)
      .setIdleTimeoutUnit(TimeUnit.MILLISECONDS).setReadIdleTimeout((int) Math.min(Integer.MAX_VALUE,
        options.idleTimeoutMs()));
    if (options.tls().enabled()) {
      serverOptions.setSsl(true).setKeyCertOptions(new PemKeyCertOptions().setCertPath(options.tls().certPath())
        .setKeyPath(options.tls().keyPath()));
    }
    this.server = vertx.createNetServer(serverOptions).connectHandler(this::accept);
    this.client = vertx.createNetClient();
    this.bridge = bridge;
    this.edge = edge;
    this.maxFrameBytes = options.maxFrameBytes();
  }

  /** Listens on {@code port} (0: a free one); completes with the port bound. */
  Future<Integer> listen(int port) {
    return server.listen(port).map(NetServer::actualPort);
  }

  Future<Void> close() {
    return server.close().eventually(client::close);
  }

  private void accept(NetSocket peer) {
    if (!edge.admit(peer)) {
      peer.close();
      return;
    }
    LOG.debug("bridge peer {} connected", peer.remoteAddress());
    peer.pause();
    new Relay(peer).start();
  }

  /** One peer connection and its connection to the bridge library, on the peer's event loop. */
  private final class Relay {

    private final NetSocket peer;
    private NetSocket library;
    private RecordParser frames;
    private boolean expectingLength = true;
    private boolean refused;
    private boolean closed;

    Relay(NetSocket peer) {
      this.peer = peer;
    }

    void start() {
      peer.closeHandler(v -> {
        closed = true;
        edge.release(peer);
        if (library != null) {
          library.close();
        }
      });
      peer.exceptionHandler(failure -> LOG.debug("bridge peer {}: {}", peer.remoteAddress(), failure.getMessage()));
      client.connect(bridge).onComplete(this::connected);
    }

    private void connected(AsyncResult<NetSocket> connected) {
      if (connected.failed()) {
        LOG.warn("engine bridge unreachable for a peer: {}", connected.cause().getMessage());
        peer.close();
        return;
      }
      library = connected.result();
      if (closed) {
        library.close();
        return;
      }
      // the library's replies and refusals go out as they are; when it closes a peer, the peer is closed
      library.pipeTo(peer);
      frames = RecordParser.newFixed(LENGTH_BYTES, peer).handler(this::record);
      frames.exceptionHandler(failure -> peer.close());
      frames.resume();
    }

    private void record(Buffer record) {
      if (refused) {
        return;
      }
      if (expectingLength) {
        int length = record.getInt(0);
        if (length <= 0 || length > maxFrameBytes) {
          refuse(length <= 0 ? INVALID_LENGTH : FRAME_TOO_LARGE);
          return;
        }
        expectingLength = false;
        frames.fixedSizeMode(length);
        return;
      }
      expectingLength = true;
      frames.fixedSizeMode(LENGTH_BYTES);
      String refusal = BridgeFrameRules.refusal(record);
      if (refusal != null) {
        refuse(refusal);
        return;
      }
      library.write(Buffer.buffer(LENGTH_BYTES + record.length()).appendInt(record.length()).appendBuffer(record));
      if (library.writeQueueFull()) {
        frames.pause();
        library.drainHandler(v -> frames.resume());
      }
    }

    private void refuse(String reason) {
      LOG.debug("bridge peer {} refused: {}", peer.remoteAddress(), reason);
      refused = true;
      frames.pause();
      Buffer error = new JsonObject().put("type", "err").put("message", reason).toBuffer();
      peer.write(Buffer.buffer(LENGTH_BYTES + error.length()).appendInt(error.length()).appendBuffer(error))
        .onComplete(written -> peer.close());
    }
  }
}
