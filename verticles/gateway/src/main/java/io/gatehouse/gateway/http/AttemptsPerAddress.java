package io.gatehouse.gateway.http;

import io.vertx.core.http.HttpServerRequest;

import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code limit} counted attempts per client address within a fixed window of {@code windowMs}
 * (e.g. OTP requests, failed logins). Counts are per gateway verticle instance. Event-loop confined.
 */
public final class AttemptsPerAddress {

  private static final int SWEEP_ABOVE = 10_000;

  private record Window(long startMs, int count) {
  }

  private final int limit;
  private final long windowMs;
  private final Map<String, Window> windows = new HashMap<>();

  public AttemptsPerAddress(int limit, long windowMs) {
    this.limit = limit;
    this.windowMs = windowMs;
  }

  public static String addressOf(HttpServerRequest request) {
    return request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
  }

  /** True when {@code address} has used up its attempts for the current window. */
  public boolean exhausted(String address, long nowMs) {
    Window window = windows.get(address);
    return window != null && nowMs - window.startMs() < windowMs && window.count() >= limit;
  }

  /** Counts one attempt of {@code address}. */
  public void count(String address, long nowMs) {
    if (windows.size() > SWEEP_ABOVE) {
      windows.values().removeIf(window -> nowMs - window.startMs() >= windowMs);
    }
    Window window = windows.get(address);
    windows.put(address, window == null || nowMs - window.startMs() >= windowMs
      ? new Window(nowMs, 1) : new Window(window.startMs(), window.count() + 1));
  }

  /** Counts an attempt unless the address is exhausted; false when it was. */
  public boolean tryCount(String address, long nowMs) {
    if (exhausted(address, nowMs)) {
      return false;
    }
    count(address, nowMs);
    return true;
  }
}
