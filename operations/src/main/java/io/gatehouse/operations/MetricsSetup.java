package io.gatehouse.operations;

import io.vertx.core.spi.VertxMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.VertxPrometheusOptions;

/**
 * How a node's Vert.x is built with metrics: Vert.x's own HTTP, WebSocket, event-bus, net and pool
 * metrics plus the JVM's, in a Prometheus registry that {@link GatehouseMetrics} also writes to. Labels
 * stay Vert.x's defaults (no event-bus address, no path): delivery addresses are per topic and would make
 * one series per topic.
 */
public final class MetricsSetup {

  private MetricsSetup() {
  }

  public static MicrometerMetricsOptions options() {
    return new MicrometerMetricsOptions()
      .setEnabled(true)
      .setJvmMetricsEnabled(true)
      .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true).setPublishQuantiles(true));
  }

  public static VertxMetricsFactory factory() {
    return new MicrometerMetricsFactory();
  }
}
