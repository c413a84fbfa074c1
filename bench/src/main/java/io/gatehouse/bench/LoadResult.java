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
                  long behindSchedule) {

  double publishesPerSecond() {
    return measuredSeconds > 0 ? publishes / measuredSeconds : 0;
  }

  double deliveriesPerSecond() {
    return measuredSeconds > 0 ? deliveries / measuredSeconds : 0;
  }

  long errors() {
    return errorsByCode.values().stream().mapToLong(Long::longValue).sum();
  }

  JsonObject toJson() {
    return new JsonObject()
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
  }

  static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
