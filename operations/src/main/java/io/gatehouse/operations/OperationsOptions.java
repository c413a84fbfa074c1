package io.gatehouse.operations;

import io.vertx.core.json.JsonObject;

/**
 * The {@code operations} config section: where {@code /health}, {@code /metrics} and {@code /openapi.json}
 * are served ({@code port} null: on the gateway's port; a number: on a listener of their own, which also
 * gives a node without a gateway its health endpoint), whether metrics are collected and on which path,
 * how long a health probe may take, and the deadline of a graceful shutdown.
 */
public record OperationsOptions(String host, Integer port, boolean metricsEnabled, String metricsPath,
                                long healthTimeoutMs, long shutdownDeadlineMs) {

  public OperationsOptions {
    if (port != null && (port < 0 || port > 65_535)) {
      throw new IllegalArgumentException("operations.port must be null or 0-65535, was " + port);
    }
    if (!metricsPath.startsWith("/") || metricsPath.startsWith("/health")) {
      throw new IllegalArgumentException("operations.metricsPath must start with / and not with /health, was " + metricsPath);
    }
    if (healthTimeoutMs <= 0 || shutdownDeadlineMs <= 0) {
      throw new IllegalArgumentException("operations.healthTimeoutMs and shutdownDeadlineMs must be positive");
    }
  }

  public static OperationsOptions from(JsonObject config) {
    JsonObject section = config.getJsonObject("operations", new JsonObject());
    return new OperationsOptions(
      section.getString("host", "0.0.0.0"),
      section.getInteger("port"),
      section.getBoolean("metricsEnabled", true),
      section.getString("metricsPath", "/metrics"),
      section.getLong("healthTimeoutMs", 2_000L),
      section.getLong("shutdownDeadlineMs", 20_000L));
  }

  /** Whether the operations routes share the gateway's listener. */
  public boolean onGatewayPort() {
    return port == null;
  }
}
