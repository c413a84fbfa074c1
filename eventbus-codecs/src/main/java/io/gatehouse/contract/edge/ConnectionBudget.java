package io.gatehouse.contract.edge;

import io.vertx.core.Vertx;
import io.vertx.core.shareddata.LocalMap;
import io.vertx.core.shareddata.Shareable;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open connections of one node, per client address and in all, with a ceiling on each: every listener of the
 * node (whatever its verticle, instance or event loop) admits a connection here as it is accepted and
 * releases it when it closes. Thread-safe; one per Vert.x instance ({@link #of}).
 */
public final class ConnectionBudget implements Shareable {

  private static final String MAP = "gatehouse.edge";
  private static final String KEY = "connection-budget";

  private final int maxPerAddress;
  private final int maxTotal;
  private final ConcurrentHashMap<String, Integer> open = new ConcurrentHashMap<>();
  private final AtomicInteger total = new AtomicInteger();

  public ConnectionBudget(int maxPerAddress, int maxTotal) {
    if (maxPerAddress <= 0 || maxTotal <= 0) {
      throw new IllegalArgumentException("connection limits must be positive");
    }
    this.maxPerAddress = maxPerAddress;
    this.maxTotal = maxTotal;
  }

  /** The node's budget: created by the first listener from {@code options}, shared by all later ones. */
  public static ConnectionBudget of(Vertx vertx, EdgeOptions options) {
    LocalMap<String, ConnectionBudget> map = vertx.sharedData().getLocalMap(MAP);
    ConnectionBudget fresh = new ConnectionBudget(options.maxConnectionsPerAddress(),
      options.connectionBound(OpenFiles.limit()));
    ConnectionBudget existing = map.putIfAbsent(KEY, fresh);
    return existing == null ? fresh : existing;
  }

  /** Why a connection was refused, or null when it was admitted (and counted). */
  public Refusal admit(String address) {
    if (total.incrementAndGet() > maxTotal) {
      total.decrementAndGet();
      return Refusal.NODE_FULL;
    }
    boolean[] admitted = new boolean[1];
    open.compute(address, (key, count) -> {
      int current = count == null ? 0 : count;
      admitted[0] = current < maxPerAddress;
      return admitted[0] ? current + 1 : count;
    });
    if (!admitted[0]) {
      total.decrementAndGet();
      return Refusal.ADDRESS_FULL;
    }
    return null;
  }

  /** Releases a connection {@link #admit} counted. */
  public void release(String address) {
    total.decrementAndGet();
    open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
  }

  public int open(String address) {
    return open.getOrDefault(address, 0);
  }

  public int total() {
    return total.get();
  }

  public int maxTotal() {
    return maxTotal;
  }

  public enum Refusal { ADDRESS_FULL, NODE_FULL }
}
