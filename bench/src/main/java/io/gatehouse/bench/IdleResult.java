package io.gatehouse.bench;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Map;

/**
 * The outcome of an idle run: how much heap the server holds per open, authenticated, idle connection.
 *
 * @param before heap of the server before the connections opened (after accounts were set up); null without a pid
 * @param after heap with every connection open; null without a pid
 */
record IdleResult(BenchOptions options, String runId, Instant startedAt, long setupMillis, int openConnections,
                  HeapProbe.HeapReading before, HeapProbe.HeapReading after, Map<String, Long> errorsByCode) {

  /** Live-object bytes the server gained per connection; 0 when no server pid was given. */
  long bytesPerConnection() {
    if (before == null || after == null || openConnections == 0) {
      return 0;
    }
    return (after.liveBytes() - before.liveBytes()) / openConnections;
  }

  long errors() {
    return errorsByCode.values().stream().mapToLong(Long::longValue).sum();
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject()
      .put("kind", "idle")
      .put("target", options.target().label())
      .put("url", options.url().toString())
      .put("runId", runId)
      .put("startedAt", startedAt.toString())
      .put("connections", options.connections())
      .put("openConnections", openConnections)
      .put("setupMillis", setupMillis)
      .put("serverPid", options.serverPid())
      .put("errors", errors())
      .put("errorsByCode", new JsonObject(Map.copyOf(errorsByCode)));
    if (before != null && after != null) {
      json.put("heapBefore", reading(before))
        .put("heapAfter", reading(after))
        .put("bytesPerConnection", bytesPerConnection());
    }
    return json;
  }

  private static JsonObject reading(HeapProbe.HeapReading reading) {
    return new JsonObject().put("liveBytes", reading.liveBytes()).put("usedBytes", reading.usedBytes());
  }
}
