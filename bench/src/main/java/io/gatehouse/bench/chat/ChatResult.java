package io.gatehouse.bench.chat;

import io.vertx.core.json.JsonObject;

/**
 * What a chat load run reports, the fields of chat-load.mjs's result line: messages/s is measured
 * receives over the measured seconds, percentiles are taken from the sorted latencies the same way
 * ({@code sorted[min(n - 1, floor(q * n))]}), and are null when nothing was received.
 */
public record ChatResult(String target, String url, int pairs, int window, int seconds, long messagesPerSecond,
                         long received, long errors, Double p50Ms, Double p99Ms, Double maxMs) {

  static ChatResult of(ChatOptions options, ChatTally tally) {
    long[] sorted = tally.sortedLatencies();
    return new ChatResult(options.target().label(), options.url(), options.pairs(), options.window(),
      options.seconds(), Math.round((double) tally.received() / options.seconds()), tally.received(),
      tally.errors(), percentile(sorted, 0.5), percentile(sorted, 0.99),
      sorted.length == 0 ? null : sorted[sorted.length - 1] / 1e6);
  }

  private static Double percentile(long[] sorted, double quantile) {
    if (sorted.length == 0) {
      return null;
    }
    return sorted[Math.min(sorted.length - 1, (int) Math.floor(quantile * sorted.length))] / 1e6;
  }

  /** The node client's result line plus {@code "client":"java"}. */
  public JsonObject toJson() {
    return new JsonObject().put("target", target).put("url", url).put("pairs", pairs).put("window", window)
      .put("seconds", seconds).put("messagesPerSecond", messagesPerSecond).put("received", received)
      .put("errors", errors).put("p50Ms", p50Ms).put("p99Ms", p99Ms).put("maxMs", maxMs).put("client", "java");
  }
}
