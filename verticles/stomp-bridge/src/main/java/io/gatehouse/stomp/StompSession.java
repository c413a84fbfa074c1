package io.gatehouse.stomp;

import io.gatehouse.contract.ServiceFailure;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.stomp.Command;
import io.vertx.ext.stomp.Frame;
import io.vertx.ext.stomp.StompServerOptions;
import io.vertx.ext.stomp.impl.FrameParser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One STOMP 1.2 connection over any transport: vertx-stomp's FrameParser behind a {@link FrameGuard}, frames
 * handled strictly one after the other (so CONNECT and SUBSCRIBE sent back to back work), CONNECT first,
 * heart-beats both ways, receipts, and every refusal as an ERROR frame followed by a close. Subclasses say
 * what CONNECT, SUBSCRIBE, SEND, ACK and UNSUBSCRIBE mean. Event-loop confined.
 */
abstract class StompSession {

  /** Where frames go: a WebSocket or a TCP socket. */
  interface Transport {
    void write(Buffer data);

    /** Closes after a refusal ({@code normal} false) or on DISCONNECT. */
    void close(boolean normal);
  }

  private static final Logger LOG = LoggerFactory.getLogger(StompSession.class);
  private static final Buffer EOL = Buffer.buffer("\n");

  protected final Vertx vertx;
  protected final StompOptions options;
  protected final String id;
  private final Transport transport;
  private final FrameGuard guard;
  private final FrameParser parser;
  private Future<Void> tail = Future.succeededFuture();
  private int inFlight;
  private boolean connected;
  private boolean closed;
  private long lastReceived = System.nanoTime();
  private long lastSent = System.nanoTime();
  private long connectTimer = -1;
  private long heartbeatTimer = -1;

  StompSession(Vertx vertx, StompOptions options, Transport transport, String id) {
    this.vertx = vertx;
    this.options = options;
    this.transport = transport;
    this.id = id;
    this.guard = new FrameGuard(options.maxHeaderBytes(), options.maxBodyBytes());
    this.parser = new FrameParser(new StompServerOptions().setMaxHeaders(options.maxHeaders())
      .setMaxHeaderLength(options.maxHeaderBytes()).setMaxBodyLength(options.maxBodyBytes() + 1))
      .handler(this::received)
      .errorHandler(problem -> refuse(problem.getMessage()));
  }

  /** Starts the clock for CONNECT. */
  void start() {
    connectTimer = vertx.setTimer(options.connectTimeoutMs(), t -> {
      if (!connected) {
        refuse("No complete CONNECT frame received in time");
      }
    });
  }

  /** Raw bytes from the transport. */
  void onData(Buffer chunk) {
    if (closed) {
      return;
    }
    lastReceived = System.nanoTime();
    String problem = guard.check(chunk);
    if (problem != null) {
      refuse(problem);
      return;
    }
    try {
      parser.handle(chunk);
    } catch (RuntimeException e) {
      refuse("Malformed frame");
    }
  }

  /** The transport closed (by either side); {@code code} is the WebSocket close code or null. */
  void onTransportClosed(Short code) {
    if (closed) {
      return;
    }
    closed = true;
    cancelTimers();
    closed(code == null ? 1006 : code);
  }

  private void received(Frame frame) {
    if (closed || frame.getCommand() == Command.PING) {
      return;
    }
    if (++inFlight > options.maxFramesInFlight()) {
      refuse("Too many frames in flight");
      return;
    }
    tail = tail.compose(v -> closed ? Future.succeededFuture() : dispatch(frame)
      .onSuccess(done -> receipt(frame))
      .recover(this::refused))
      .onComplete(done -> inFlight--);
  }

  private Future<Void> dispatch(Frame frame) {
    Command command = frame.getCommand();
    if (!connected && command != Command.CONNECT && command != Command.STOMP) {
      return Future.failedFuture(new StompRefusal("Not connected: the first frame must be CONNECT"));
    }
    return switch (command) {
      case CONNECT, STOMP -> connected ? Future.failedFuture(new StompRefusal("Already connected")) : connect(frame);
      case SUBSCRIBE -> subscribe(frame);
      case UNSUBSCRIBE -> unsubscribe(frame);
      case SEND -> send(frame);
      case ACK -> ack(frame, true);
      case NACK -> ack(frame, false);
      case DISCONNECT -> {
        receipt(frame);
        close(true);
        yield Future.succeededFuture();
      }
      case BEGIN, COMMIT, ABORT -> Future.failedFuture(new StompRefusal("Transactions are not supported"));
      default -> Future.failedFuture(new StompRefusal("Unknown command"));
    };
  }

  private Future<Void> connect(Frame frame) {
    String versions = frame.getHeader(Frame.ACCEPT_VERSION);
    if (versions != null && !versions.contains("1.2")) {
      return Future.failedFuture(new StompRefusal("Supported protocol version is 1.2"));
    }
    Heartbeats beats = Heartbeats.negotiate(frame.getHeader(Frame.HEARTBEAT), options.heartbeatMs());
    if (beats == null) {
      return Future.failedFuture(new StompRefusal("Malformed heart-beat header"));
    }
    return authenticate(frame).map(userName -> {
      connected = true;
      vertx.cancelTimer(connectTimer);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put(Frame.VERSION, "1.2");
      headers.put(Frame.HEARTBEAT, options.heartbeatMs() + "," + options.heartbeatMs());
      headers.put(Frame.SERVER, "Gatehouse");
      headers.put(Frame.SESSION, id);
      headers.put("user-name", userName);
      write(new Frame(Command.CONNECTED, headers, null));
      startHeartbeats(beats);
      return null;
    });
  }

  /** Heart-beating as negotiated: an EOL when we have been quiet, a close when the client has been. */
  private void startHeartbeats(Heartbeats beats) {
    if (!beats.active()) {
      return;
    }
    heartbeatTimer = vertx.setPeriodic(beats.tickMs(), t -> {
      long now = System.nanoTime();
      if (beats.expectEveryMs() > 0 && now - lastReceived > beats.expectEveryMs() * 2_000_000L) {
        LOG.info("[{}] no heart-beat from the client for {} ms, closing", id, beats.expectEveryMs() * 2);
        close(false);
      } else if (beats.sendEveryMs() > 0 && now - lastSent >= beats.sendEveryMs() * 1_000_000L / 2) {
        transport.write(EOL);
        lastSent = now;
      }
    });
  }

  private void receipt(Frame frame) {
    String receipt = frame.getReceipt();
    if (receipt != null && !closed) {
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put(Frame.RECEIPT_ID, receipt);
      write(new Frame(Command.RECEIPT, headers, null));
    }
  }

  private Future<Void> refused(Throwable failure) {
    refuse(failure instanceof StompRefusal ? failure.getMessage() : ServiceFailure.reasonOf(failure));
    return Future.succeededFuture();
  }

  /** ERROR frame, then close. */
  void refuse(String message) {
    if (closed) {
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(Frame.MESSAGE, message.replaceAll("[\\r\\n]", " "));
    headers.put(Frame.CONTENT_TYPE, "text/plain");
    write(new Frame(Command.ERROR, headers, Buffer.buffer(message)));
    LOG.debug("[{}] refused: {}", id, message);
    close(false);
  }

  void write(Frame frame) {
    if (!closed) {
      transport.write(frame.toBuffer());
      lastSent = System.nanoTime();
    }
  }

  void close(boolean normal) {
    if (closed) {
      return;
    }
    closed = true;
    cancelTimers();
    transport.close(normal);
    closed(normal ? 1000 : 1002);
  }

  boolean isClosed() {
    return closed;
  }

  private void cancelTimers() {
    vertx.cancelTimer(connectTimer);
    if (heartbeatTimer >= 0) {
      vertx.cancelTimer(heartbeatTimer);
    }
  }

  /** Authenticates CONNECT; the {@code user-name} of CONNECTED. */
  protected abstract Future<String> authenticate(Frame connect);

  protected abstract Future<Void> subscribe(Frame frame);

  protected abstract Future<Void> unsubscribe(Frame frame);

  protected abstract Future<Void> send(Frame frame);

  protected abstract Future<Void> ack(Frame frame, boolean positive);

  /** Called once when the connection is gone, with the close code (1000 normal). */
  protected abstract void closed(int code);
}
