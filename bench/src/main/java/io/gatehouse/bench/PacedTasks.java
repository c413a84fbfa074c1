package io.gatehouse.bench;

import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/** Runs numbered asynchronous tasks with a bounded number in flight, so setup never floods the server. */
final class PacedTasks {

  private PacedTasks() {
  }

  /** Runs tasks {@code 0..count-1}, at most {@code inFlight} at once; fails with the first failure. */
  static <T> Future<List<T>> run(int count, int inFlight, IntFunction<Future<T>> task) {
    AtomicInteger next = new AtomicInteger();
    AtomicReferenceArray<T> results = new AtomicReferenceArray<>(count);
    List<Future<Void>> lanes = new ArrayList<>();
    for (int lane = 0; lane < Math.min(inFlight, count); lane++) {
      lanes.add(drain(next, count, task, results));
    }
    return Future.all(lanes).map(done -> {
      List<T> list = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        list.add(results.get(i));
      }
      return list;
    });
  }

  private static <T> Future<Void> drain(AtomicInteger next, int count, IntFunction<Future<T>> task,
                                        AtomicReferenceArray<T> results) {
    int i = next.getAndIncrement();
    if (i >= count) {
      return Future.succeededFuture();
    }
    return task.apply(i)
      .map(result -> {
        results.set(i, result);
        return (Void) null;
      })
      .compose(v -> drain(next, count, task, results));
  }
}
