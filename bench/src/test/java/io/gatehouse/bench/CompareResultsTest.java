package io.gatehouse.bench;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompareResultsTest {

  @Test
  @DisplayName("throughput is shown as a share of the raw ceiling and latency as a multiple of it")
  void showsGatehouseAsFractionOfCeiling() {
    JsonObject raw = new JsonObject().put("kind", "load").put("deliveriesPerSecond", 100_000.0)
      .put("publishesPerSecond", 100.0).put("latencyMicros", new JsonObject().put("p50", 500).put("p99", 2000));
    JsonObject gatehouse = new JsonObject().put("kind", "load").put("deliveriesPerSecond", 25_000.0)
      .put("publishesPerSecond", 25.0).put("latencyMicros", new JsonObject().put("p50", 1500).put("p99", 9000));

    String table = CompareResults.table(raw, gatehouse);

    assertThat(table).containsPattern("deliveries/s\\s+100,000\\s+25,000\\s+25\\.0%");
    assertThat(table).containsPattern("latency p50 ms\\s+0\\.500\\s+1\\.500\\s+x3\\.0");
    assertThat(table).containsPattern("latency p99 ms\\s+2\\.000\\s+9\\.000\\s+x4\\.5");
  }

  @Test
  @DisplayName("idle results compare the heap bytes each connection costs")
  void comparesIdleHeap() {
    JsonObject raw = new JsonObject().put("kind", "idle").put("openConnections", 1000).put("bytesPerConnection", 4000);
    JsonObject gatehouse = new JsonObject().put("kind", "idle").put("openConnections", 1000)
      .put("bytesPerConnection", 12000);

    assertThat(CompareResults.table(raw, gatehouse)).containsPattern("bytes per connection\\s+4,000\\s+12,000");
  }
}
