package io.gatehouse.bench;

import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.Map;

/**
 * The outcome of a load run. Counts cover the publishes sent inside the measured window (after warmup);
 * rates divide them by the window's length.
 */
record LoadResult(BenchOptions options, String runId, Instant startedAt, long setupMillis, double measuredSeconds,
                  long publishes, long deliveries, long deliveriesExpected, LatencySummary latency,
                  Map<String, Long> errorsByCode, long pendingDeliveries, long foreignDeliveries,
                  long behindSchedule, HeapProbe.HeapReading heapBefore, HeapProbe.HeapReading heapSubscribed,
                  HeapProbe.HeapReading heapActive) {

  double publishesPerSecond() {
    return measuredSeconds > 0 ? publishes / measuredSeconds : 0;
  }

  double deliveriesPerSecond() {
    return measuredSeconds > 0 ? deliveries / measuredSeconds : 0;
  }

  /**
   * Live heap the server grew by per connection once every connection was open and subscribed, before the first
   * publish: what an idle member costs. -1 without a pid.
   */
  long bytesPerIdleConnection() {
    return perConnection(heapSubscribed);
  }

  /**
   * Live heap the server grew by per connection after publishing and the drain, the connections still open:
   * what a connection keeps once it has streamed. -1 without a pid.
   */
  long bytesPerActiveConnection() {
    return perConnection(heapActive);
  }

  private long perConnection(HeapProbe.HeapReading after) {
    if (heapBefore == null || after == null || options.connections() == 0) {
      return -1;
    }
    return (after.liveBytes() - heapBefore.liveBytes()) / options.connections();
  }

  long errors() {
    return errorsByCode.values().stream().mapToLong(Long::longValue).sum();
  }

  JsonObject toJson() {
    JsonObject json = new JsonObject()
      .put("kind", "load")
      .put("target", options.target().label())
      .put("url", options.url().toString())
      .put("runId", runId)
      .put("startedAt", startedAt.toString())
      .put("connections", options.connections())
      .put("topics", options.topics())
      .put("subscribersPerTopic", options.subscribersPerTopic())
      .put("publishers", options.publishers())
      .put("rate", options.rate())
      .put("window", options.window())
      .put("payloadBytes", options.payloadBytes())
      .put("warmupSeconds", options.warmupSeconds())
      .put("durationSeconds", options.durationSeconds())
      .put("messages", options.messages())
      .put("setupMillis", setupMillis)
      .put("measuredSeconds", round(measuredSeconds))
      .put("publishes", publishes)
      .put("publishesPerSecond", round(publishesPerSecond()))
      .put("deliveries", deliveries)
      .put("deliveriesExpected", deliveriesExpected)
      .put("deliveriesMissing", Math.max(0, deliveriesExpected - deliveries))
      .put("deliveriesPerSecond", round(deliveriesPerSecond()))
      .put("latencyMicros", latency.toJson())
      .put("errors", errors())
      .put("errorsByCode", new JsonObject(Map.copyOf(errorsByCode)))
      .put("pendingDeliveries", pendingDeliveries)
      .put("foreignDeliveries", foreignDeliveries)
      .put("behindSchedule", behindSchedule);
    if (heapBefore != null && heapSubscribed != null && heapActive != null) {
      json.put("heapBefore", reading(heapBefore)).put("heapSubscribed", reading(heapSubscribed))
        .put("heapActive", reading(heapActive))
        .put("bytesPerIdleConnection", bytesPerIdleConnection())
        .put("bytesPerActiveConnection", bytesPerActiveConnection());
    }
    return json;
  }

  private static JsonObject reading(HeapProbe.HeapReading reading) {
    return new JsonObject().put("liveBytes", reading.liveBytes()).put("usedBytes", reading.usedBytes());
  }

  static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
