package io.gatehouse.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.gatehouse.bench.CliArgs.intOf;
import static io.gatehouse.bench.CliArgs.requireAtLeast;

/**
 * Everything one generator run is told, parsed from {@code --key value} arguments.
 *
 * @param rate publishes per second over all publishers; 0 publishes as fast as the in-flight window allows
 * @param window publishes each publisher may have in flight (reply or any delivery still outstanding)
 * @param handshakes WebSocket handshakes in flight at once while connecting
 * @param registrations REST registrations or logins in flight at once
 * @param ackBatch deliveries a connection acks in one frame at most
 * @param ackIntervalMillis how often each connection acks what it has, when the batch did not fill up first
 * @param serverPid the server process to probe for heap in {@code --idle} runs; 0 when none
 * @param messages publishes in all, over every publisher; then the run waits for their deliveries and measures
 *     from the first publish to the last delivery. 0 publishes for {@code --warmup} + {@code --duration} instead
 * @param allowNetwork a private network (CIDR) that may be loaded besides loopback; null when none
 * @param urls every node of {@code --url} (comma-separated): connection {@code i} opens on {@code urls[i mod n]};
 *     {@code url} is the first, where accounts are registered
 */
public record BenchOptions(
  Target target, URI url, int connections, int topics, int subscribersPerTopic, int publishers,
  int rate, int durationSeconds, int warmupSeconds, Path out, boolean idle, long serverPid,
  String userPrefix, String password, int payloadBytes, int window, int handshakes, int registrations,
  int ackBatch, int ackIntervalMillis, int drainSeconds, int clientThreads, int messages, String allowNetwork,
  List<URI> urls) {

  public static final String DEFAULT_URL = "ws://127.0.0.1:8088";
  public static final int DEFAULT_CONNECTIONS = 100;
  public static final int DEFAULT_TOPICS = 10;
  public static final int DEFAULT_SUBSCRIBERS_PER_TOPIC = 10;
  public static final int DEFAULT_PUBLISHERS = 10;
  public static final int DEFAULT_DURATION_SECONDS = 10;
  public static final int DEFAULT_WARMUP_SECONDS = 2;
  public static final int DEFAULT_PAYLOAD_BYTES = 64;
  public static final int DEFAULT_WINDOW = 16;
  public static final int DEFAULT_HANDSHAKES = 64;
  public static final int DEFAULT_REGISTRATIONS = 8;
  public static final int DEFAULT_ACK_BATCH = 64;
  public static final int DEFAULT_ACK_INTERVAL_MILLIS = 1000;
  public static final int DEFAULT_DRAIN_SECONDS = 5;

  private static final Set<String> FLAGS = Set.of("idle");
  private static final Set<String> KEYS = Set.of("target", "url", "connections", "topics",
    "subscribers-per-topic", "publishers", "rate", "duration", "warmup", "out", "server-pid", "user-prefix",
    "password", "payload-bytes", "window", "handshakes", "registrations", "ack-batch", "ack-interval", "drain",
    "client-threads", "messages", "allow-network");

  public BenchOptions {
    requireAtLeast("connections", connections, 1);
    requireAtLeast("duration", durationSeconds, idle ? 0 : 1);
    requireAtLeast("warmup", warmupSeconds, 0);
    requireAtLeast("rate", rate, 0);
    requireAtLeast("window", window, 1);
    requireAtLeast("handshakes", handshakes, 1);
    requireAtLeast("registrations", registrations, 1);
    requireAtLeast("ack-batch", ackBatch, 1);
    requireAtLeast("ack-interval", ackIntervalMillis, 1);
    requireAtLeast("drain", drainSeconds, 0);
    requireAtLeast("client-threads", clientThreads, 1);
    requireAtLeast("payload-bytes", payloadBytes, 0);
    requireAtLeast("messages", messages, 0);
    if (!idle) {
      requireAtLeast("topics", topics, 1);
      requireAtLeast("publishers", publishers, 1);
      requireAtLeast("subscribers-per-topic", subscribersPerTopic, 1);
      requireAtMost("subscribers-per-topic", subscribersPerTopic, "connections", connections);
      requireAtMost("publishers", publishers, "connections", connections);
      if (messages > 0 && warmupSeconds > 0) {
        throw new IllegalArgumentException("--messages counts every publish from the first: give --warmup 0");
      }
    }
    urls = List.copyOf(urls);
    if (urls.isEmpty() || !urls.get(0).equals(url)) {
      throw new IllegalArgumentException("--url: the first of urls must be url");
    }
    for (URI node : urls) {
      LoopbackGuard.requireAllowed(node, allowNetwork);
    }
  }

  /** Parses {@code --key value} pairs and the {@code --idle} flag; anything not given keeps its default. */
  public static BenchOptions parse(String... args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --key, got " + args[i]);
      }
      String key = args[i].substring(2);
      if (FLAGS.contains(key)) {
        given.put(key, "true");
      } else if (KEYS.contains(key)) {
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("--" + key + " needs a value");
        }
        given.put(key, args[++i]);
      } else {
        throw new IllegalArgumentException("unknown option --" + key);
      }
    }
    return fromMap(given);
  }

  private static BenchOptions fromMap(Map<String, String> given) {
    Target target = Target.parse(given.getOrDefault("target", "gatehouse"));
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path defaultOut = Path.of("bench", "results", target.label() + "-" + stamp + ".json");
    List<URI> urls = Arrays.stream(given.getOrDefault("url", DEFAULT_URL).split(",")).map(String::trim)
      .map(URI::create).toList();
    return new BenchOptions(
      target,
      urls.get(0),
      intOf(given, "connections", DEFAULT_CONNECTIONS),
      intOf(given, "topics", DEFAULT_TOPICS),
      intOf(given, "subscribers-per-topic", DEFAULT_SUBSCRIBERS_PER_TOPIC),
      intOf(given, "publishers", DEFAULT_PUBLISHERS),
      intOf(given, "rate", 0),
      intOf(given, "duration", DEFAULT_DURATION_SECONDS),
      intOf(given, "warmup", DEFAULT_WARMUP_SECONDS),
      given.containsKey("out") ? Path.of(given.get("out")) : defaultOut,
      given.containsKey("idle"),
      Long.parseLong(given.getOrDefault("server-pid", "0")),
      given.getOrDefault("user-prefix", "bench"),
      given.getOrDefault("password", "bench-Passw0rd!"),
      intOf(given, "payload-bytes", DEFAULT_PAYLOAD_BYTES),
      intOf(given, "window", DEFAULT_WINDOW),
      intOf(given, "handshakes", DEFAULT_HANDSHAKES),
      intOf(given, "registrations", DEFAULT_REGISTRATIONS),
      intOf(given, "ack-batch", DEFAULT_ACK_BATCH),
      intOf(given, "ack-interval", DEFAULT_ACK_INTERVAL_MILLIS),
      intOf(given, "drain", DEFAULT_DRAIN_SECONDS),
      intOf(given, "client-threads", Runtime.getRuntime().availableProcessors()),
      intOf(given, "messages", 0),
      given.get("allow-network"),
      urls);
  }

  private static void requireAtMost(String key, int value, String limitKey, int limit) {
    if (value > limit) {
      throw new IllegalArgumentException("--" + key + " (" + value + ") cannot exceed --" + limitKey + " (" + limit + ")");
    }
  }

  /** Host of the target, for WebSocket and REST alike. */
  String host() {
    return url.getHost();
  }

  /** Port of the target, defaulting like a browser would for ws and wss. */
  int port() {
    return portOf(url);
  }

  static int portOf(URI node) {
    return node.getPort() > 0 ? node.getPort() : ("wss".equals(node.getScheme()) ? 443 : 80);
  }

  /** The node connection {@code index} opens on: the URLs of {@code --url} in turn. */
  URI urlOf(int index) {
    return urls.get(index % urls.size());
  }

  /** Path under which a token (or, for the raw server, any name) is appended: the URL's path, or /ws. */
  String socketPath(String token) {
    String base = url.getPath() == null || url.getPath().isEmpty() || "/".equals(url.getPath()) ? "/ws" : url.getPath();
    return (base.endsWith("/") ? base : base + "/") + token;
  }

  /** How many of the {@code --messages} publisher {@code index} sends: an even share, the first ones take the rest. */
  int messagesOf(int index) {
    return messages / publishers + (index < messages % publishers ? 1 : 0);
  }

  /** Seconds of publishing in all: warmup, then the measured duration. */
  int publishingSeconds() {
    return warmupSeconds + durationSeconds;
  }
}
