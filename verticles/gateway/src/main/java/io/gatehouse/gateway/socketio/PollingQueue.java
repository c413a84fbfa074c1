package io.gatehouse.gateway.socketio;

import io.gatehouse.contract.gateway.PollAnswer;
import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The long-polling side of one Engine.IO session: packets queued for the client and the one GET that may be
 * waiting for them. A GET is answered with every queued packet that fits in maxPayload (at least one).
 * Event-loop confined, like its session.
 */
final class PollingQueue {

  private final ArrayDeque<EnginePacket> queue = new ArrayDeque<>();
  private final int maxPayload;
  private final int maxBuffered;
  private Promise<PollAnswer> waitingGet;

  PollingQueue(int maxPayload, int maxBuffered) {
    this.maxPayload = maxPayload;
    this.maxBuffered = maxBuffered;
  }

  boolean hasWaitingGet() {
    return waitingGet != null;
  }

  /** A GET: answered at once when packets are queued, otherwise held until one is. */
  Future<PollAnswer> get() {
    if (!queue.isEmpty()) {
      return Future.succeededFuture(drain());
    }
    waitingGet = Promise.promise();
    return waitingGet.future();
  }

  /** Queues a packet for the client; false when the queue is over its bound (the client is too slow). */
  boolean offer(EnginePacket packet) {
    queue.add(packet);
    if (queue.size() > maxBuffered) {
      return false;
    }
    if (waitingGet != null) {
      answer(drain());
    }
    return true;
  }

  /** Returns the waiting GET, if any, with a single packet (a noop while upgrading, a close when ending). */
  void release(EnginePacket packet) {
    if (waitingGet != null) {
      answer(PollAnswers.payload(EngineCodec.encode(packet)));
    }
  }

  /** Hands every queued packet to the new transport, in order, while {@code more} holds. */
  void moveTo(Consumer<EnginePacket> writer, BooleanSupplier more) {
    while (!queue.isEmpty() && more.getAsBoolean()) {
      writer.accept(queue.poll());
    }
  }

  void clear() {
    queue.clear();
  }

  private void answer(PollAnswer answer) {
    Promise<PollAnswer> get = waitingGet;
    waitingGet = null;
    get.complete(answer);
  }

  private PollAnswer drain() {
    List<EnginePacket> batch = new ArrayList<>();
    int bytes = 0;
    while (!queue.isEmpty() && (batch.isEmpty() || bytes + queue.peek().wireLength() + 1 <= maxPayload)) {
      EnginePacket packet = queue.poll();
      bytes += packet.wireLength() + 1;
      batch.add(packet);
    }
    return PollAnswers.payload(EngineCodec.encodePayload(batch));
  }
}
