package io.gatehouse.bench;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * What every connection shard of one run shares.
 *
 * @param topology null for an idle run, which neither creates topics nor publishes
 * @param publishers filled in by the shard that owns each publisher's connection
 */
record RunPlan(BenchOptions options, Topology topology, RunMetrics metrics, ProbeContent content,
               AtomicReferenceArray<Publisher> publishers) {

  static RunPlan load(BenchOptions options, String runId) {
    Topology topology = new Topology("bench-" + runId, options.connections(), options.topics(),
      options.subscribersPerTopic(), options.publishers());
    return new RunPlan(options, topology, new RunMetrics(), new ProbeContent(runId, options.payloadBytes()),
      new AtomicReferenceArray<>(options.publishers()));
  }

  static RunPlan idle(BenchOptions options, String runId) {
    return new RunPlan(options, null, new RunMetrics(), new ProbeContent(runId, 0), new AtomicReferenceArray<>(0));
  }

  /** The publisher a delivery's stamp names, or null when the stamp names none of ours. */
  Publisher publisher(int index) {
    return index >= 0 && index < publishers.length() ? publishers.get(index) : null;
  }
}
