package io.gatehouse.bench;

import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Prints two load results side by side with Gatehouse as a fraction of the raw ceiling:
 * {@code java -cp gatehouse-bench.jar io.gatehouse.bench.CompareResults raw.json gatehouse.json}.
 */
public final class CompareResults {

  private static final Logger LOG = LoggerFactory.getLogger(CompareResults.class);
  private static final String ROW = "%-22s %14s %14s %14s";

  private CompareResults() {
  }

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      LOG.error("usage: CompareResults <raw result.json> <gatehouse result.json>");
      System.exit(2);
    }
    JsonObject raw = new JsonObject(Files.readString(Path.of(args[0])));
    JsonObject gatehouse = new JsonObject(Files.readString(Path.of(args[1])));
    table(raw, gatehouse).lines().forEach(LOG::info);
  }

  /** The comparison table: throughput ratios as a share of the ceiling, latency ratios as a multiple. */
  static String table(JsonObject raw, JsonObject gatehouse) {
    StringBuilder table = new StringBuilder();
    line(table, String.format(Locale.ROOT, ROW, "", "raw ceiling", "gatehouse", "gatehouse/raw"));
    if ("idle".equals(raw.getString("kind"))) {
      line(table, count("open connections", raw, gatehouse, "openConnections"));
      line(table, count("bytes per connection", raw, gatehouse, "bytesPerConnection"));
      return table.toString();
    }
    line(table, throughput("deliveries/s", raw, gatehouse, "deliveriesPerSecond"));
    line(table, throughput("publishes/s", raw, gatehouse, "publishesPerSecond"));
    for (String percentile : new String[] {"p50", "p99", "p999", "max"}) {
      line(table, latency("latency " + percentile + " ms", raw, gatehouse, percentile));
    }
    line(table, count("deliveries missing", raw, gatehouse, "deliveriesMissing"));
    line(table, count("errors", raw, gatehouse, "errors"));
    return table.toString();
  }

  private static String throughput(String label, JsonObject raw, JsonObject gatehouse, String field) {
    double ceiling = number(raw, field);
    double measured = number(gatehouse, field);
    String ratio = ceiling > 0 ? String.format(Locale.ROOT, "%.1f%%", 100 * measured / ceiling) : "-";
    return String.format(Locale.ROOT, ROW, label, String.format(Locale.ROOT, "%,.0f", ceiling),
      String.format(Locale.ROOT, "%,.0f", measured), ratio);
  }

  private static String latency(String label, JsonObject raw, JsonObject gatehouse, String percentile) {
    double ceiling = number(raw.getJsonObject("latencyMicros", new JsonObject()), percentile) / 1000;
    double measured = number(gatehouse.getJsonObject("latencyMicros", new JsonObject()), percentile) / 1000;
    String ratio = ceiling > 0 ? String.format(Locale.ROOT, "x%.1f", measured / ceiling) : "-";
    return String.format(Locale.ROOT, ROW, label, String.format(Locale.ROOT, "%.3f", ceiling),
      String.format(Locale.ROOT, "%.3f", measured), ratio);
  }

  private static String count(String label, JsonObject raw, JsonObject gatehouse, String field) {
    return String.format(Locale.ROOT, ROW, label, String.format(Locale.ROOT, "%,.0f", number(raw, field)),
      String.format(Locale.ROOT, "%,.0f", number(gatehouse, field)), "");
  }

  private static double number(JsonObject json, String field) {
    Number value = json.getNumber(field);
    return value == null ? 0 : value.doubleValue();
  }

  private static void line(StringBuilder table, String text) {
    table.append(text.stripTrailing()).append('\n');
  }
}
