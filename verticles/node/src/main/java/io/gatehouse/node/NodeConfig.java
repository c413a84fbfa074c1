package io.gatehouse.node;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The node configuration, in layers, later ones winning: the built-in defaults (a copy of
 * {@code conf/gatehouse.json}), {@code ./conf/gatehouse.json} when present, the {@code -conf} file or
 * JSON string, {@code GATEHOUSE_<SECTION>_<KEY>} environment variables, {@code gatehouse.<section>.<key>}
 * system properties. Overrides are typed after the default they replace, so a port stays a number.
 * An environment variable whose name starts with no known section ({@code GATEHOUSE_HOME}) belongs to
 * someone else and is ignored; within a known section an unknown key stops the node.
 */
public final class NodeConfig {

  private static final Logger LOG = LoggerFactory.getLogger(NodeConfig.class);
  static final String DEFAULTS_RESOURCE = "/defaults/gatehouse.json";
  static final String ENV_PREFIX = "GATEHOUSE_";
  static final String PROPERTY_PREFIX = "gatehouse.";

  private NodeConfig() {
  }

  public static JsonObject load(String confArgument, Map<String, String> env, Map<Object, Object> properties) {
    JsonObject config = defaults();
    Path local = Path.of("conf", "gatehouse.json");
    if (confArgument == null && Files.isRegularFile(local)) {
      deepMerge(config, readFile(local));
    }
    if (confArgument != null) {
      deepMerge(config, readArgument(confArgument));
    }
    env.forEach((key, value) -> {
      if (key.startsWith(ENV_PREFIX)) {
        String[] parts = key.substring(ENV_PREFIX.length()).toLowerCase(Locale.ROOT).split("_");
        if (SettingNames.namesSection(config, parts)) {
          override(config, parts, value);
        } else {
          LOG.info("environment variable {} names no configuration section; ignored", key);
        }
      }
    });
    properties.forEach((key, value) -> {
      String name = String.valueOf(key);
      if (name.startsWith(PROPERTY_PREFIX) && !name.startsWith(PROPERTY_PREFIX + "test.")) {
        override(config, name.substring(PROPERTY_PREFIX.length()).toLowerCase(Locale.ROOT).split("\\."),
          String.valueOf(value));
      }
    });
    return config;
  }

  /**
   * Event-loop threads for the node: {@code node.eventLoops}, or when it is 0, one per two available
   * processors (at least one). Vert.x's own default is two per processor; but a Gatehouse node's event
   * loops hand every message from verticle to verticle, and on a loop shared by those verticles a hand-off
   * is a queued task instead of a thread wake-up, while PostgreSQL and the clients need the other cores.
   */
  public static int eventLoops(JsonObject config, int processors) {
    int configured = config.getJsonObject("node", new JsonObject()).getInteger("eventLoops", 0);
    if (configured < 0) {
      throw new IllegalArgumentException("node.eventLoops must be 0 (automatic) or more, was " + configured);
    }
    return configured > 0 ? configured : Math.max(1, processors / 2);
  }

  /**
   * Whether Vert.x uses the native epoll transport ({@code node.nativeTransport}, default true): fewer
   * system calls and no selector garbage per wake-up than Java NIO. Where it cannot load (not Linux x86-64),
   * Vert.x says so in the log and runs on NIO.
   */
  /** {@code database.superviseIntervalMs}: how often the embedded PostgreSQL is checked (0: never). */
  public static long superviseIntervalMs(JsonObject config) {
    long interval = config.getJsonObject("database", new JsonObject()).getLong("superviseIntervalMs", 1000L);
    if (interval < 0) {
      throw new IllegalArgumentException("database.superviseIntervalMs must not be negative, was " + interval);
    }
    return interval;
  }

  public static boolean nativeTransport(JsonObject config) {
    Object value = config.getJsonObject("node", new JsonObject()).getValue("nativeTransport", true);
    if (!(value instanceof Boolean enabled)) {
      throw new IllegalArgumentException("node.nativeTransport must be true or false, was " + value);
    }
    return enabled;
  }

  public static JsonObject defaults() {
    try (InputStream in = NodeConfig.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("built-in defaults " + DEFAULTS_RESOURCE + " missing from the jar");
      }
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonObject readArgument(String argument) {
    String trimmed = argument.trim();
    if (trimmed.startsWith("{")) {
      try {
        return new JsonObject(trimmed);
      } catch (DecodeException e) {
        throw new ConfigException("-conf is not a valid JSON object: " + firstLine(e.getMessage()));
      }
    }
    return readFile(Path.of(argument));
  }

  private static JsonObject readFile(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
    }
    try {
      return new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      throw new ConfigException("config file " + file + " is not a valid JSON object: " + firstLine(e.getMessage()));
    }
  }

  /** Recursively merges {@code overlay} into {@code base}; objects merge, everything else replaces. */
  static void deepMerge(JsonObject base, JsonObject overlay) {
    overlay.forEach(entry -> {
      Object current = base.getValue(entry.getKey());
      if (current instanceof JsonObject currentObject && entry.getValue() instanceof JsonObject overlayObject) {
        deepMerge(currentObject, overlayObject);
      } else {
        base.put(entry.getKey(), entry.getValue());
      }
    });
  }

  /**
   * Applies one override whose key parts were split on '_' or '.'. At each level the longest run of
   * parts that names an existing key (case-insensitively, parts glued together) is taken, so
   * {@code AUTH_ARGON2_MEMORYKIB} and {@code DATABASE_EMBEDDED_PORT} reach {@code auth.argon2.memoryKib}
   * and {@code database.embeddedPort}. An unknown key is an error, so a typo never goes unnoticed.
   */
  static void override(JsonObject config, String[] parts, String value) {
    JsonObject target = config;
    List<String> path = new ArrayList<>();
    int index = 0;
    while (index < parts.length) {
      int taken = 0;
      String key = null;
      for (int length = parts.length - index; length >= 1 && key == null; length--) {
        String glued = String.join("", Arrays.copyOfRange(parts, index, index + length));
        key = target.fieldNames().stream().filter(glued::equalsIgnoreCase).findFirst().orElse(null);
        taken = length;
      }
      if (key == null) {
        String rest = String.join("", Arrays.copyOfRange(parts, index, parts.length));
        throw new ConfigException("unknown setting " + String.join(".", parts) + SettingNames.suggestion(target, path, rest));
      }
      index += taken;
      path.add(key);
      Object current = target.getValue(key);
      if (index == parts.length && current instanceof JsonObject section) {
        throw new ConfigException("cannot override " + String.join(".", path) + ": it is a section; name one of its keys "
          + section.fieldNames());
      }
      if (index == parts.length) {
        target.put(key, typed(current, value));
        return;
      }
      if (!(current instanceof JsonObject child)) {
        throw new ConfigException("cannot override " + String.join(".", parts) + ": " + key + " is not a section");
      }
      target = child;
    }
  }

  private static Object typed(Object current, String value) {
    try {
      if (current instanceof Integer) {
        return Integer.parseInt(value);
      }
      if (current instanceof Long) {
        return Long.parseLong(value);
      }
      if (current instanceof Double) {
        return Double.parseDouble(value);
      }
      if (current instanceof Boolean) {
        return Boolean.parseBoolean(value);
      }
      if (current instanceof JsonArray) {
        JsonArray array = new JsonArray();
        for (String item : value.split(",")) {
          if (!item.isBlank()) {
            array.add(item.trim());
          }
        }
        return array;
      }
    } catch (NumberFormatException e) {
      throw new ConfigException("override value '" + value + "' is not a number");
    }
    return value;
  }

  private static String firstLine(String message) {
    return message == null ? "" : message.lines().findFirst().orElse("");
  }

  /** A configuration problem, reported in one line. */
  public static final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
      super(message);
    }
  }
}
