package io.gatehouse.bench.chat;

import io.gatehouse.bench.LoopbackGuard;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import static io.gatehouse.bench.CliArgs.intOf;
import static io.gatehouse.bench.CliArgs.requireAtLeast;

/**
 * What one chat load run is told: the options of {@code bench/socketio/chat-load.mjs} with its defaults, plus
 * {@code --event-loops}.
 *
 * @param url the target's base URL as given, {@code http://127.0.0.1:PORT}; echoed in the result
 * @param window sends each pair keeps in flight
 * @param connectBatch registrations, handshakes and chat starts issued together, batch after batch
 * @param eventLoops event loops of the one Vert.x instance; a pair's two sockets share one
 */
public record ChatOptions(ChatTarget target, String url, int pairs, int seconds, int warmup, int window,
                          int connectBatch, int eventLoops) {

  public static final String DEFAULT_URL = "http://127.0.0.1:8088";
  public static final int DEFAULT_PAIRS = 1000;
  public static final int DEFAULT_SECONDS = 20;
  public static final int DEFAULT_WARMUP = 5;
  public static final int DEFAULT_WINDOW = 1;
  public static final int DEFAULT_CONNECT_BATCH = 100;
  public static final int DEFAULT_EVENT_LOOPS = 1;

  private static final Set<String> KEYS = Set.of("target", "url", "pairs", "seconds", "warmup", "window",
    "connect-batch", "event-loops");

  public ChatOptions {
    requireAtLeast("pairs", pairs, 1);
    requireAtLeast("seconds", seconds, 1);
    requireAtLeast("warmup", warmup, 0);
    requireAtLeast("window", window, 1);
    requireAtLeast("connect-batch", connectBatch, 1);
    requireAtLeast("event-loops", eventLoops, 1);
    URI parsed = parseUrl(url);
    LoopbackGuard.requireLoopback(parsed);
  }

  /** Parses {@code --key value} pairs; anything not given keeps chat-load.mjs's default. */
  public static ChatOptions parse(String... args) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      String key = args[i].startsWith("--") ? args[i].substring(2) : null;
      if (key == null || !KEYS.contains(key)) {
        throw new IllegalArgumentException("unknown option " + args[i]);
      }
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException("--" + key + " needs a value");
      }
      given.put(key, args[++i]);
    }
    return new ChatOptions(
      ChatTarget.parse(given.getOrDefault("target", "gatehouse")),
      given.getOrDefault("url", DEFAULT_URL),
      intOf(given, "pairs", DEFAULT_PAIRS),
      intOf(given, "seconds", DEFAULT_SECONDS),
      intOf(given, "warmup", DEFAULT_WARMUP),
      intOf(given, "window", DEFAULT_WINDOW),
      intOf(given, "connect-batch", DEFAULT_CONNECT_BATCH),
      intOf(given, "event-loops", DEFAULT_EVENT_LOOPS));
  }

  String host() {
    return parseUrl(url).getHost();
  }

  int port() {
    URI parsed = parseUrl(url);
    return parsed.getPort() > 0 ? parsed.getPort() : (ssl() ? 443 : 80);
  }

  boolean ssl() {
    return "https".equals(parseUrl(url).getScheme());
  }

  int sockets() {
    return 2 * pairs;
  }

  /** Like chat-load.mjs: http or https, a host and maybe a port, nothing else. */
  private static URI parseUrl(String url) {
    URI parsed;
    try {
      parsed = URI.create(url);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--url " + url + " is not a URL");
    }
    boolean web = "http".equals(parsed.getScheme()) || "https".equals(parsed.getScheme());
    boolean bare = (parsed.getPath() == null || parsed.getPath().isEmpty()) && parsed.getQuery() == null;
    if (!web || !bare || parsed.getHost() == null) {
      throw new IllegalArgumentException("--url must look like " + DEFAULT_URL + ", not " + url);
    }
    return parsed;
  }
}
