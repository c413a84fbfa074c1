package io.gatehouse.bench;

import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;

/** Publish → deliver latency percentiles in microseconds. */
record LatencySummary(long count, long min, long p50, long p90, long p99, long p999, long max, double mean) {

  static LatencySummary of(Histogram histogram) {
    if (histogram.getTotalCount() == 0) {
      return new LatencySummary(0, 0, 0, 0, 0, 0, 0, 0);
    }
    return new LatencySummary(histogram.getTotalCount(), histogram.getMinValue(),
      histogram.getValueAtPercentile(50), histogram.getValueAtPercentile(90),
      histogram.getValueAtPercentile(99), histogram.getValueAtPercentile(99.9),
      histogram.getMaxValue(), histogram.getMean());
  }

  JsonObject toJson() {
    return new JsonObject().put("count", count).put("min", min).put("p50", p50).put("p90", p90)
      .put("p99", p99).put("p999", p999).put("max", max).put("mean", Math.round(mean * 10) / 10.0);
  }
}
