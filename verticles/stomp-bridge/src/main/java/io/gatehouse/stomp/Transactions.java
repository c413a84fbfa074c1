package io.gatehouse.stomp;

import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A connection's open STOMP transactions: SEND, ACK and NACK frames naming a transaction are held until its
 * COMMIT, which hands them on in the order they came, or its ABORT (or the connection's end), which drops
 * them. Connection-confined.
 */
final class Transactions {

  private final int maxFrames;
  private final Map<String, List<StompFrame>> open = new HashMap<>();

  Transactions(int maxFrames) {
    this.maxFrames = maxFrames;
  }

  Future<Void> begin(StompFrame frame) {
    String name = frame.header("transaction");
    if (name == null || name.isEmpty()) {
      return Future.failedFuture(new StompRefusal("BEGIN needs a transaction header"));
    }
    if (open.putIfAbsent(name, new ArrayList<>()) != null) {
      return Future.failedFuture(new StompRefusal("Transaction " + name + " is already open"));
    }
    return Future.succeededFuture();
  }

  /** Holds a frame of an open transaction (refused when the transaction is unknown or full). */
  void hold(String name, StompFrame frame) {
    List<StompFrame> frames = open.get(name);
    if (frames == null) {
      throw new StompRefusal("No open transaction " + name);
    }
    if (frames.size() >= maxFrames) {
      throw new StompRefusal("Transaction " + name + " holds more than " + maxFrames + " frames");
    }
    frames.add(withoutTransaction(frame));
  }

  /** Ends the transaction and runs its frames one after the other through {@code dispatch}. */
  Future<Void> commit(StompFrame frame, Function<StompFrame, Future<Void>> dispatch) {
    List<StompFrame> frames = open.remove(frame.header("transaction"));
    if (frames == null) {
      return Future.failedFuture(new StompRefusal("No open transaction " + frame.header("transaction")));
    }
    Future<Void> chain = Future.succeededFuture();
    for (StompFrame held : frames) {
      chain = chain.compose(v -> dispatch.apply(held));
    }
    return chain;
  }

  Future<Void> abort(StompFrame frame) {
    return open.remove(frame.header("transaction")) == null
      ? Future.failedFuture(new StompRefusal("No open transaction " + frame.header("transaction")))
      : Future.succeededFuture();
  }

  void abortAll() {
    open.clear();
  }

  /** The frame as it runs at COMMIT: its transaction is over, and its own receipt was answered when it came. */
  private static StompFrame withoutTransaction(StompFrame frame) {
    Map<String, String> headers = new LinkedHashMap<>(frame.headers());
    headers.remove("transaction");
    headers.remove("receipt");
    return new StompFrame(frame.command(), headers, frame.body());
  }
}
