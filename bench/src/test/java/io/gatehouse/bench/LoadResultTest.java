package io.gatehouse.bench;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LoadResultTest {

  private static final BenchOptions OPTIONS = BenchOptions.parse("--connections", "1000", "--topics", "10",
    "--subscribers-per-topic", "100", "--publishers", "10", "--server-pid", "4242");
  private static final LatencySummary LATENCY = new LatencySummary(10, 1, 2, 3, 4, 5, 6, 2.5);

  @Test
  @DisplayName("heap per idle and per active connection are the live-byte growth over the connections")
  void heapPerConnection() {
    LoadResult result = result(reading(50_000_000), reading(62_000_000), reading(70_500_000));

    assertThat(result.bytesPerIdleConnection()).isEqualTo(12_000);
    assertThat(result.bytesPerActiveConnection()).isEqualTo(20_500);
    JsonObject json = result.toJson();
    assertThat(json.getLong("bytesPerIdleConnection")).isEqualTo(12_000);
    assertThat(json.getLong("bytesPerActiveConnection")).isEqualTo(20_500);
    assertThat(json.getJsonObject("heapSubscribed").getLong("liveBytes")).isEqualTo(62_000_000);
  }

  @Test
  @DisplayName("without heap readings the per-connection figures are -1 and left out of the JSON")
  void noHeapWithoutReadings() {
    LoadResult result = result(null, null, null);

    assertThat(result.bytesPerIdleConnection()).isEqualTo(-1);
    assertThat(result.bytesPerActiveConnection()).isEqualTo(-1);
    assertThat(result.toJson().containsKey("bytesPerActiveConnection")).isFalse();
    assertThat(result.toJson().containsKey("heapSubscribed")).isFalse();
  }

  private static LoadResult result(HeapProbe.HeapReading before, HeapProbe.HeapReading subscribed,
                                   HeapProbe.HeapReading active) {
    return new LoadResult(OPTIONS, "run", Instant.EPOCH, 1_000, 10.0, 100, 10_000, 10_000, LATENCY, Map.of(),
      0, 0, 0, before, subscribed, active);
  }

  private static HeapProbe.HeapReading reading(long liveBytes) {
    return new HeapProbe.HeapReading(liveBytes, liveBytes * 2);
  }
}
