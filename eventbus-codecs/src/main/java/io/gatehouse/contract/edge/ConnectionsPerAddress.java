package io.gatehouse.contract.edge;

import java.util.HashMap;
import java.util.Map;

/**
 * Open connections per client address, with a ceiling: a listener admits a connection before accepting it
 * and releases it when it closes. Not thread-safe: one per listener, on its event loop.
 */
public final class ConnectionsPerAddress {

  private final int max;
  private final Map<String, Integer> open = new HashMap<>();

  public ConnectionsPerAddress(int max) {
    if (max < 0) {
      throw new IllegalArgumentException("the connection limit per address must not be negative");
    }
    this.max = max;
  }

  /** Counts a connection from {@code address}; false (and not counted) when the address is at its limit. */
  public boolean admit(String address) {
    int current = open.getOrDefault(address, 0);
    if (current >= max) {
      return false;
    }
    open.put(address, current + 1);
    return true;
  }

  public void release(String address) {
    open.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
  }

  /** Whether {@code address} is at its limit (a new connection would be refused). */
  public boolean full(String address) {
    return open(address) >= max;
  }

  public int open(String address) {
    return open.getOrDefault(address, 0);
  }
}
