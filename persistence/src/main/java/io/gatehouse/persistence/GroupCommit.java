package io.gatehouse.persistence;

import io.vertx.core.Future;
import io.vertx.core.Promise;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Group commit for hot-path writes: a request submitted while no batch is being written goes at once,
 * alone; requests submitted while a batch is in flight wait and go together as the next batch (at most
 * {@code maxBatch}). No timer: latency stays one round trip at low load, batches grow with load.
 * Where more than one write may be in flight, the extra ones start only for a full batch: a partial batch
 * waits for the write under way, so statements stay few and large (each costs the database a fixed
 * overhead), and parallel writes add capacity only when one writer cannot keep up.
 * <p>
 * Not thread-safe: submit from one context (the owning verticle's event loop), whose futures the writer
 * completes on.
 */
public final class GroupCommit<T, R> {

  /** A request waiting in a batch, and the promise its reply completes. */
  public record Pending<T, R>(T request, Promise<R> reply) {
  }

  /** Writes one batch (normally one transaction) and completes each entry's reply. */
  @FunctionalInterface
  public interface BatchWriter<T, R> {
    /**
     * Returns a future that completes when the batch is done; entries whose reply the writer left open
     * then fail with the batch's failure (or an internal error).
     */
    Future<?> write(List<Pending<T, R>> batch);
  }

  private final ArrayDeque<Pending<T, R>> queue = new ArrayDeque<>();
  private final BatchWriter<T, R> writer;
  private final int maxBatch;
  private final int maxInFlight;
  private int inFlight;
  private Promise<Void> idle;

  public GroupCommit(int maxBatch, BatchWriter<T, R> writer) {
    this(maxBatch, 1, writer);
  }

  /**
   * Up to {@code maxInFlight} batches may be written at once, the second and later only when full. Keep it
   * 1 where batches must commit in submission order (appends: one sender's messages keep their order);
   * raise it only for writes that commute, such as cursor updates that keep the greatest value.
   */
  public GroupCommit(int maxBatch, int maxInFlight, BatchWriter<T, R> writer) {
    if (maxBatch < 1) {
      throw new IllegalArgumentException("maxBatch must be at least 1, was " + maxBatch);
    }
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1, was " + maxInFlight);
    }
    this.maxBatch = maxBatch;
    this.maxInFlight = maxInFlight;
    this.writer = writer;
  }

  public Future<R> submit(T request) {
    Promise<R> reply = Promise.promise();
    queue.add(new Pending<>(request, reply));
    if (mayStartWrite()) {
      writeNext();
    }
    return reply.future();
  }

  /**
   * Submits several requests at once: they queue side by side, so they go in one batch when they fit
   * (rather than the first alone when no write is under way), and always in this order.
   */
  public List<Future<R>> submitAll(List<T> requests) {
    List<Future<R>> replies = new ArrayList<>(requests.size());
    for (T request : requests) {
      Promise<R> reply = Promise.promise();
      queue.add(new Pending<>(request, reply));
      replies.add(reply.future());
    }
    if (!requests.isEmpty() && mayStartWrite()) {
      writeNext();
    }
    return replies;
  }

  /** Completes once every request submitted so far has been written (for a graceful stop). */
  public Future<Void> drained() {
    if (inFlight == 0 && queue.isEmpty()) {
      return Future.succeededFuture();
    }
    if (idle == null) {
      idle = Promise.promise();
    }
    return idle.future();
  }

  private boolean mayStartWrite() {
    return inFlight == 0 || inFlight < maxInFlight && queue.size() >= maxBatch;
  }

  private void writeNext() {
    if (queue.isEmpty()) {
      if (inFlight == 0 && idle != null) {
        Promise<Void> waiting = idle;
        idle = null;
        waiting.complete();
      }
      return;
    }
    inFlight++;
    List<Pending<T, R>> batch = new ArrayList<>(Math.min(queue.size(), maxBatch));
    while (!queue.isEmpty() && batch.size() < maxBatch) {
      batch.add(queue.poll());
    }
    startWrite(batch).onComplete(done -> {
      Throwable failure = done.failed() ? done.cause() : null;
      for (Pending<T, R> pending : batch) {
        if (!pending.reply().future().isComplete()) {
          if (failure == null) {
            failure = new IllegalStateException("batch left a request unanswered");
          }
          pending.reply().fail(failure);
        }
      }
      inFlight--;
      if (mayStartWrite()) {
        writeNext();
      }
    });
  }

  private Future<?> startWrite(List<Pending<T, R>> batch) {
    try {
      return writer.write(batch);
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
