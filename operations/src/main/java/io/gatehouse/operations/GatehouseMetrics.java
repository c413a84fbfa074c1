package io.gatehouse.operations;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.backends.BackendRegistries;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Gatehouse's own metrics, one line at each place that counts something. They go to the registry Vert.x
 * was started with ({@code vertx-micrometer-metrics}, Prometheus); when metrics are off every call is a
 * no-op. Names are Prometheus names after Micrometer's conversion (dots become underscores, counters end
 * in {@code _total}, timers in {@code _seconds}).
 */
public final class GatehouseMetrics {

  /** Protocols, as the {@code protocol} tag of connection and delivery series. */
  public static final String ACTION = "action";
  public static final String SOCKET_IO = "socketio";
  public static final String FACE = "face";
  public static final String BRIDGE = "eventbus-bridge";
  public static final String STOMP = "stomp";

  private static final MeterRegistry NOOP = new CompositeMeterRegistry();
  private static final Map<String, AtomicLong> OPEN = new ConcurrentHashMap<>();

  private GatehouseMetrics() {
  }

  static MeterRegistry registry() {
    MeterRegistry registry = BackendRegistries.getDefaultNow();
    return registry == null ? NOOP : registry;
  }

  /** A client connection of this protocol was opened (pair it with {@link #connectionClosed}). */
  public static void connectionOpened(String protocol) {
    registry().gauge("gatehouse.connections.open", Tags.of("protocol", protocol),
      OPEN.computeIfAbsent(protocol, key -> new AtomicLong()), AtomicLong::get);
    OPEN.get(protocol).incrementAndGet();
  }

  public static void connectionClosed(String protocol) {
    AtomicLong open = OPEN.get(protocol);
    if (open != null) {
      open.decrementAndGet();
    }
  }

  /** Messages written to clients of this protocol (topic deliveries, chat messages, STOMP MESSAGE frames). */
  public static void delivered(String protocol, int messages) {
    registry().counter("gatehouse.deliveries", "protocol", protocol).increment(messages);
  }

  /** Time from a publish request reaching topic-routing to its message being committed to the log. */
  public static void publishCommitted(long nanos) {
    Timer.builder("gatehouse.publish.commit").publishPercentileHistogram()
      .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
      .register(registry()).record(Duration.ofNanos(nanos));
  }

  /** Entries written by one group-commit statement of the named batcher ({@code log}, {@code acks}). */
  public static void groupCommitBatch(String batcher, int entries) {
    DistributionSummary.builder("gatehouse.group.commit.batch.size").tag("batcher", batcher)
      .publishPercentileHistogram().minimumExpectedValue(1.0).maximumExpectedValue(4096.0)
      .register(registry()).record(entries);
  }

  /** One catch-up read served, with the number of messages it returned. */
  public static void catchUpRead(int messages) {
    registry().counter("gatehouse.catchup.reads").increment();
    registry().counter("gatehouse.catchup.messages").increment(messages);
  }

  /** A request over the bus failed: {@code service} is the address's service part, {@code code} the failure code. */
  public static void busRequestFailed(String address, String code) {
    String[] parts = address.split("\\.");
    registry().counter("gatehouse.bus.request.failures", "service", parts.length > 1 ? parts[1] : address,
      "code", code).increment();
  }

  /** One face frame analysed, and how long the analysis took. */
  public static void faceFrame(long nanos) {
    Timer.builder("gatehouse.face.frames").publishPercentileHistogram()
      .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofSeconds(10))
      .register(registry()).record(Duration.ofNanos(nanos));
  }

  public static void otpSent() {
    registry().counter("gatehouse.otps.sent").increment();
  }

  /** A request or message refused for a rate or connection limit at an edge. */
  public static void rateLimited(String edge) {
    registry().counter("gatehouse.rate.limit.refusals", "edge", edge).increment();
  }

  /** Publishes the sender's message quota held back, to be sent again later (not refused). */
  public static void publishDeferred(int messages) {
    registry().counter("gatehouse.publish.deferred").increment(messages);
  }

  /** A connection of this protocol stopped being read until the work it asked for catches up (back-pressure). */
  public static void readsPaused(String protocol) {
    registry().counter("gatehouse.reads.paused", "protocol", protocol).increment();
  }

  /** The Prometheus scrape: the text format, or 404 when the node runs without metrics. */
  static Handler<RoutingContext> scrapeHandler() {
    return ctx -> {
      if (registry() instanceof PrometheusMeterRegistry prometheus) {
        PrometheusScrapingHandler.create(prometheus).handle(ctx);
      } else {
        ctx.response().setStatusCode(404).putHeader("content-type", "application/json")
          .end("{\"code\":\"not_found\",\"message\":\"metrics are disabled (operations.metricsEnabled)\"}");
      }
    };
  }
}
