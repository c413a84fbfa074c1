package io.gatehouse.edge;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.function.LongFunction;

/**
 * Stores one subscription's cursor (a STOMP subscription, a bridge registration) with at most one write under
 * way: a cursor that moves while a write is under way is written once that one is done, and only its latest value (a cursor only moves forward, so the
 * latest covers every earlier one). An auto-ack subscription fed thousands of messages a second thus costs a
 * handful of writes, not one per message. Each caller's future completes once a write covering its cursor
 * is stored. Connection-confined.
 */
public final class CursorWriter {

  private final LongFunction<Future<?>> write;
  private boolean writing;
  private long next = -1;
  private Promise<Void> nextDone;

  public CursorWriter(LongFunction<Future<?>> write) {
    this.write = write;
  }

  public Future<Void> store(long cursor) {
    if (cursor < 0) {
      return Future.succeededFuture();
    }
    if (writing) {
      next = Math.max(next, cursor);
      if (nextDone == null) {
        nextDone = Promise.promise();
      }
      return nextDone.future();
    }
    writing = true;
    return write.apply(cursor).<Void>mapEmpty().onComplete(done -> {
      writing = false;
      if (nextDone != null) {
        Promise<Void> waiting = nextDone;
        long cursorNow = next;
        nextDone = null;
        next = -1;
        store(cursorNow).onComplete(waiting);
      }
    });
  }
}
