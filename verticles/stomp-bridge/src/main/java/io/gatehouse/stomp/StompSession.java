package io.gatehouse.stomp;

import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.operations.GatehouseMetrics;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One STOMP connection over any transport: a {@link StompFrameParser} with the configured limits, frames
 * handled in arrival order (so CONNECT and SUBSCRIBE sent back to back work), CONNECT first, version
 * negotiation (1.0, 1.1, 1.2), heart-beats both ways, receipts, transactions ({@link Transactions}) and every
 * refusal as an ERROR frame (with {@code receipt-id} when the frame asked for a receipt) followed by a close.
 * Where the subclass allows it, SENDs outside transactions are pipelined: each is handed on as soon as every earlier non-SEND frame is done,
 * so a fast publisher's messages are committed together, while receipts and errors still follow frame order.
 * With {@code maxFramesInFlight} frames unfinished the transport stops being read until half have finished
 * (back-pressure: a publisher faster than its commits, or than its message quota, is slowed, not refused);
 * a client is not held to its heart-beats while its socket is not being read.
 * Subclasses say what CONNECT, SUBSCRIBE, SEND, ACK and UNSUBSCRIBE mean. Event-loop confined.
 */
abstract class StompSession {

  /** Where frames go: a WebSocket or a TCP socket. */
  interface Transport {
    /** {@code text}: the bytes are UTF-8 (a WebSocket sends them as a text message, else binary). */
    void write(Buffer data, boolean text);

    /** Closes after a refusal ({@code normal} false) or on DISCONNECT. */
    void close(boolean normal);

    /** Stops reading from the peer (back-pressure). */
    void pause();

    void resume();
  }

  static final String SUPPORTED_VERSIONS = "1.0,1.1,1.2";
  private static final Logger LOG = LoggerFactory.getLogger(StompSession.class);
  private static final Buffer EOL = Buffer.buffer("\n");

  protected final Vertx vertx;
  protected final StompOptions options;
  protected final String id;
  private final Transport transport;
  private final StompFrameParser parser;
  private final Transactions transactions;
  private Future<Void> tail = Future.succeededFuture();
  private Future<Void> barrier = Future.succeededFuture();
  private int inFlight;
  private boolean paused;
  private boolean connected;
  private boolean connectReceived;
  private boolean closed;
  private String version = "1.2";
  private long lastReceived = System.nanoTime();
  private long lastSent = System.nanoTime();
  private long connectTimer = -1;
  private long heartbeatTimer = -1;

  StompSession(Vertx vertx, StompOptions options, Transport transport, String id) {
    this.vertx = vertx;
    this.options = options;
    this.transport = transport;
    this.id = id;
    this.parser = new StompFrameParser(options.maxHeaderBytes(), options.maxHeaders(), options.maxBodyBytes(),
      this::received, this::unparsable);
    this.transactions = new Transactions(options.maxTransactionFrames());
  }

  /** Starts the clock for CONNECT. */
  void start() {
    connectTimer = vertx.setTimer(options.connectTimeoutMs(), t -> {
      if (!connected) {
        refuse("No complete CONNECT frame received in time", null);
      }
    });
  }

  /** Raw bytes from the transport. */
  void onData(Buffer chunk) {
    if (closed) {
      return;
    }
    lastReceived = System.nanoTime();
    try {
      parser.handle(chunk);
    } catch (RuntimeException e) {
      LOG.debug("[{}] unparsable input", id, e);
      refuse("Malformed frame", null);
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

  /** The negotiated protocol version ("1.0", "1.1" or "1.2"). */
  String version() {
    return version;
  }

  private void received(StompFrame frame) {
    if (closed) {
      return;
    }
    if (++inFlight >= options.maxFramesInFlight() && !paused) {
      paused = true;
      transport.pause();
      GatehouseMetrics.readsPaused(GatehouseMetrics.STOMP);
    }
    connectReceived |= frame.is("CONNECT") || frame.is("STOMP");
    // SENDs that follow a CONNECT still being authenticated are pipelined too: they wait for it (the barrier),
    // then leave in arrival order, never before or between SENDs that came earlier
    if (frame.is("SEND") && connectReceived && frame.header("transaction") == null && pipelinesSends()) {
      Future<Void> sent = barrier.compose(v -> closed ? Future.succeededFuture() : attempt(() -> connected ? send(frame)
        : Future.failedFuture(new StompRefusal("Not connected: the first frame must be CONNECT"))));
      tail = tail.compose(v -> sent);
    } else {
      tail = tail.compose(v -> closed ? Future.succeededFuture() : attempt(() -> dispatch(frame)));
    }
    tail = tail.map(v -> {
      receipt(frame);
      return (Void) null;
    }).recover(failure -> refused(failure, frame)).onComplete(done -> finished());
    if (!frame.is("SEND")) {
      barrier = tail;
    }
  }

  /** Input that is no frame: refused in its place, after the frames before it. */
  private void unparsable(String problem) {
    tail = tail.compose(v -> Future.<Void>failedFuture(new StompRefusal(problem)))
      .recover(failure -> refused(failure, null));
  }

  private void finished() {
    if (--inFlight <= options.maxFramesInFlight() / 2 && paused && !closed) {
      paused = false;
      transport.resume();
    }
  }

  /** A handler that throws is a failed frame, never a broken chain. */
  private static Future<Void> attempt(Supplier<Future<Void>> handler) {
    try {
      return handler.get();
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }

  private Future<Void> dispatch(StompFrame frame) {
    String command = frame.command();
    boolean connecting = command.equals("CONNECT") || command.equals("STOMP");
    if (!connected && !connecting) {
      return Future.failedFuture(new StompRefusal("Not connected: the first frame must be CONNECT"));
    }
    String transaction = frame.header("transaction");
    if (transaction != null && (command.equals("SEND") || command.equals("ACK") || command.equals("NACK"))) {
      transactions.hold(transaction, frame);
      return Future.succeededFuture();
    }
    return switch (command) {
      case "CONNECT", "STOMP" -> connected ? Future.failedFuture(new StompRefusal("Already connected"))
        : connect(frame);
      case "SUBSCRIBE" -> subscribe(frame);
      case "UNSUBSCRIBE" -> unsubscribe(frame);
      case "SEND" -> send(frame);
      case "ACK" -> ack(frame, true);
      case "NACK" -> ack(frame, false);
      case "BEGIN" -> transactions.begin(frame);
      case "COMMIT" -> transactions.commit(frame, this::dispatch);
      case "ABORT" -> transactions.abort(frame);
      case "DISCONNECT" -> {
        receipt(frame);
        close(true);
        yield Future.succeededFuture();
      }
      default -> Future.failedFuture(new StompRefusal("Unknown command"));
    };
  }

  private Future<Void> connect(StompFrame frame) {
    String agreed = Versions.agree(frame.header("accept-version"));
    if (agreed == null) {
      return Future.failedFuture(new StompRefusal("Supported protocol versions are " + SUPPORTED_VERSIONS));
    }
    Heartbeats beats = Heartbeats.negotiate(frame.header("heart-beat"), options.heartbeatMs());
    if (beats == null) {
      return Future.failedFuture(new StompRefusal("Malformed heart-beat header"));
    }
    version = agreed;
    return authenticate(frame).map(userName -> {
      connected = true;
      vertx.cancelTimer(connectTimer);
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("version", agreed);
      headers.put("heart-beat", options.heartbeatMs() + "," + options.heartbeatMs());
      headers.put("server", "Gatehouse");
      headers.put("session", id);
      headers.put("user-name", userName);
      write(StompFrame.of("CONNECTED", headers));
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
      if (paused) {
        lastReceived = now; // the client's heart-beats wait in the socket we stopped reading
      }
      if (beats.expectEveryMs() > 0 && now - lastReceived > beats.expectEveryMs() * 2_000_000L) {
        LOG.info("[{}] no heart-beat from the client for {} ms, closing", id, beats.expectEveryMs() * 2);
        close(false);
      } else if (beats.sendEveryMs() > 0 && now - lastSent >= beats.sendEveryMs() * 1_000_000L / 2) {
        transport.write(EOL, true);
        lastSent = now;
      }
    });
  }

  private void receipt(StompFrame frame) {
    String receipt = frame.header("receipt");
    if (receipt != null && !closed) {
      write(StompFrame.of("RECEIPT", Map.of("receipt-id", receipt)));
    }
  }

  private Future<Void> refused(Throwable failure, StompFrame frame) {
    String message = failure instanceof StompRefusal ? failure.getMessage() : ServiceFailure.reasonOf(failure);
    refuse(message, frame);
    return Future.succeededFuture();
  }

  /** ERROR frame, then close. */
  void refuse(String message) {
    refuse(message, null);
  }

  /** ERROR frame, then close; {@code cause} is the frame refused (its receipt is answered), null for none. */
  void refuse(String message, StompFrame cause) {
    if (closed) {
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    // the message may quote what the client sent; no header may carry a line break or a NUL (the frame end)
    headers.put("message", message.replaceAll("[\\x00-\\x1f]", " "));
    if (cause != null && cause.header("receipt") != null) {
      headers.put("receipt-id", cause.header("receipt").replaceAll("[\\x00-\\x1f]", " "));
    }
    if (cause != null && (cause.is("CONNECT") || cause.is("STOMP")) && !connected) {
      headers.put("version", SUPPORTED_VERSIONS);
    }
    headers.put("content-type", "text/plain");
    write(new StompFrame("ERROR", headers, Buffer.buffer(message)));
    LOG.debug("[{}] refused: {}", id, message);
    close(false);
  }

  void write(StompFrame frame) {
    if (!closed) {
      transport.write(frame.encode(), frame.textual());
      lastSent = System.nanoTime();
    }
  }

  void close(boolean normal) {
    if (closed) {
      return;
    }
    closed = true;
    cancelTimers();
    transactions.abortAll();
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

  /** Whether SENDs may run side by side (their effects keep order downstream), or strictly one at a time. */
  protected boolean pipelinesSends() {
    return false;
  }

  /** Authenticates CONNECT; the {@code user-name} of CONNECTED. */
  protected abstract Future<String> authenticate(StompFrame connect);

  protected abstract Future<Void> subscribe(StompFrame frame);

  protected abstract Future<Void> unsubscribe(StompFrame frame);

  protected abstract Future<Void> send(StompFrame frame);

  protected abstract Future<Void> ack(StompFrame frame, boolean positive);

  /** Called once when the connection is gone, with the close code (1000 normal). */
  protected abstract void closed(int code);
}
