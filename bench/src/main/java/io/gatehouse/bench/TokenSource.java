package io.gatehouse.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.stream.IntStream;

/** Supplies the path token of each connection: a JWT from Gatehouse, or any name for the raw server. */
interface TokenSource {

  Future<List<String>> tokens(int count);

  static TokenSource forTarget(Vertx vertx, BenchOptions options) {
    return options.target() == Target.RAW ? raw() : new GatehouseAccounts(vertx, options);
  }

  /** The raw server authenticates nobody: each connection just gets a distinct name. */
  static TokenSource raw() {
    return count -> Future.succeededFuture(IntStream.range(0, count).mapToObj(i -> "raw-" + i).toList());
  }
}
