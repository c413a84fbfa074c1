package io.gatehouse.gateway.http;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.shareddata.AsyncMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code limit} counted attempts per client address in each fixed window of {@code windowMs} (e.g. OTP
 * requests, failed logins), counted across the cluster: every gateway instance on every node shares the count
 * in the node's shared data (Hazelcast when clustered). An attempt claims the next free slot of its address and
 * window, an entry written once with {@code putIfAbsent} and a time to live to the window's end, so concurrent
 * attempts on different nodes never claim the same slot and nothing is ever updated in place. When the shared
 * data cannot be reached the attempt is let through (logged): the per-account limits in user-auth still hold.
 * Event-loop confined (the slot hints are per instance and only save round trips).
 */
public final class AttemptsPerAddress {

  private static final Logger LOG = LoggerFactory.getLogger(AttemptsPerAddress.class);
  private static final String MAP = "gatehouse.attempts-per-address";
  private static final int MAX_HINTS = 10_000;

  private final String kind;
  private final int limit;
  private final long windowMs;
  private final Future<AsyncMap<String, Boolean>> slots;
  private final Map<String, Integer> hints = new HashMap<>();
  private long hintWindow = -1;

  /** {@code kind} names what is counted (addresses are counted per kind). */
  public AttemptsPerAddress(Vertx vertx, String kind, int limit, long windowMs) {
    this.kind = kind;
    this.limit = limit;
    this.windowMs = windowMs;
    this.slots = vertx.sharedData().getAsyncMap(MAP);
  }

  public static String addressOf(HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }

  /** True when {@code address} has used up its attempts in the current window. */
  public Future<Boolean> exhausted(String address) {
    long window = System.currentTimeMillis() / windowMs;
    return slots.compose(map -> map.get(key(address, window, limit - 1)))
      .map(taken -> taken != null)
      .otherwise(failure -> unreachable(failure, false));
  }

  /** Counts one attempt of {@code address}; true when it was within the limit (a slot was free). */
  public Future<Boolean> tryCount(String address) {
    long now = System.currentTimeMillis();
    long window = now / windowMs;
    if (window != hintWindow || hints.size() > MAX_HINTS) {
      hints.clear();
      hintWindow = window;
    }
    long ttlMs = (window + 1) * windowMs - now + 1_000;
    return slots.compose(map -> claim(map, address, window, hints.getOrDefault(address, 0), ttlMs))
      .otherwise(failure -> unreachable(failure, true));
  }

  private Future<Boolean> claim(AsyncMap<String, Boolean> map, String address, long window, int slot, long ttlMs) {
    if (slot >= limit) {
      return Future.succeededFuture(false);
    }
    return map.putIfAbsent(key(address, window, slot), Boolean.TRUE, ttlMs).compose(previous -> {
      if (window == hintWindow) {
        hints.merge(address, slot + 1, Math::max);
      }
      return previous == null ? Future.succeededFuture(true) : claim(map, address, window, slot + 1, ttlMs);
    });
  }

  private String key(String address, long window, int slot) {
    return kind + '|' + address + '|' + window + '|' + slot;
  }

  private boolean unreachable(Throwable failure, boolean answer) {
    LOG.warn("{} attempts per address not counted (shared data unreachable): {}", kind, failure.toString());
    return answer;
  }
}
