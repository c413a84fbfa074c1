package io.gatehouse.bench.chat;

import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Tasks {@code 0..count-1} in batches, as chat-load.mjs's {@code inBatches}: a batch starts together, the
 * next one when all of it succeeded; the first failure fails the whole.
 */
final class Batches {

  private Batches() {
  }

  static <T> Future<List<T>> run(int count, int batch, IntFunction<Future<T>> task) {
    return from(0, count, batch, task, new ArrayList<>(count));
  }

  private static <T> Future<List<T>> from(int first, int count, int batch, IntFunction<Future<T>> task,
                                          List<T> results) {
    if (first >= count) {
      return Future.succeededFuture(results);
    }
    List<Future<T>> started = new ArrayList<>();
    for (int i = first; i < Math.min(count, first + batch); i++) {
      started.add(task.apply(i));
    }
    return Future.all(started).compose(done -> {
      results.addAll(done.<T>list());
      return from(first + batch, count, batch, task, results);
    });
  }
}
