package io.gatehouse.gateway.edge;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Inputs for protocol fuzzing, made from valid ones by a seeded {@link Random} so a failing run can be
 * replayed: half keep JSON well-formed and change its values and keys (wrong types, huge and odd numbers,
 * unpaired surrogates, control characters, deep nesting, missing and extra fields), half damage the text
 * itself (bytes flipped, cut, duplicated, tokens inserted).
 */
public final class FuzzInputs {

  /** What a server must never show a client: a Java stack frame or a fully qualified exception class. */
  public static final Pattern STACK_TRACE = Pattern.compile(
    "(\\tat |\\bat [a-z][\\w$]*(\\.[\\w$]+)+\\(|\\b(java|io|org|com)\\.[\\w.$]+(Exception|Error)\\b|\\.java:\\d+\\))");

  private static final String[] TOKENS = {"\"", "{", "}", "[", "]", ",", ":", "null", "true", "-1", "0", "1e309",
    "-0", "9007199254740993", "\\ud800", "\\u0000", "\u0000", "\ud800", "\u00e9", "\u202e", "\r\n", "\n\n", "%00",
    "../", "\\", "'", "<script>", "NaN", "Infinity", "{\"a\":", "[[[[[[[[", "]]]]", "\"\"", "\"x\":1,"};

  private final Random random;

  public FuzzInputs(long seed) {
    this.random = new Random(seed);
  }

  public Random random() {
    return random;
  }

  public <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** A mutation of {@code valid}. */
  public String mutate(String valid) {
    if (random.nextBoolean()) {
      try {
        Object json = valid.trim().startsWith("[") ? new JsonArray(valid) : new JsonObject(valid);
        return String.valueOf(mutateJson(json, 0));
      } catch (DecodeException | ClassCastException notJson) {
        return mutateText(valid);
      }
    }
    return mutateText(valid);
  }

  /** Damages {@code text}: one to three byte-level edits. */
  public String mutateText(String text) {
    StringBuilder out = new StringBuilder(text);
    int edits = 1 + random.nextInt(3);
    for (int i = 0; i < edits; i++) {
      int at = out.length() == 0 ? 0 : random.nextInt(out.length() + 1);
      switch (random.nextInt(6)) {
        case 0 -> out.insert(at, TOKENS[random.nextInt(TOKENS.length)]);
        case 1 -> {
          if (out.length() > 0) {
            int end = Math.min(out.length(), at + 1 + random.nextInt(8));
            out.delete(Math.min(at, out.length() - 1), end);
          }
        }
        case 2 -> {
          if (at < out.length()) {
            out.setCharAt(at, (char) random.nextInt(random.nextBoolean() ? 128 : 0xFFFF));
          }
        }
        case 3 -> out.setLength(random.nextInt(out.length() + 1));
        case 4 -> {
          int end = Math.min(out.length(), at + 1 + random.nextInt(16));
          String part = out.substring(Math.min(at, out.length()), end);
          out.insert(at, part.repeat(1 + random.nextInt(4)));
        }
        default -> out.insert(at, (char) random.nextInt(32));
      }
    }
    return out.toString();
  }

  private Object mutateJson(Object json, int depth) {
    if (json instanceof JsonObject object && !object.isEmpty() && depth < 4) {
      List<String> keys = List.copyOf(object.fieldNames());
      String key = keys.get(random.nextInt(keys.size()));
      JsonObject copy = object.copy();
      switch (random.nextInt(5)) {
        case 0 -> copy.remove(key);
        case 1 -> copy.put(randomString(), oddValue());
        case 2 -> copy.put(key, mutateJson(copy.getValue(key), depth + 1));
        case 3 -> copy.put(key, oddValue());
        default -> {
          Object value = copy.remove(key);
          copy.put(key + randomString(), value);
        }
      }
      return copy;
    }
    if (json instanceof JsonArray array && !array.isEmpty() && depth < 4) {
      JsonArray copy = array.copy();
      int at = random.nextInt(copy.size());
      switch (random.nextInt(3)) {
        case 0 -> copy.remove(at);
        case 1 -> copy.add(oddValue());
        default -> copy.set(at, mutateJson(copy.getValue(at), depth + 1));
      }
      return copy;
    }
    return oddValue();
  }

  /** A JSON value a handler may not expect. */
  public Object oddValue() {
    return switch (random.nextInt(14)) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextInt();
      case 3 -> Long.MAX_VALUE;
      case 4 -> -random.nextDouble() * 1e300;
      case 5 -> "";
      case 6 -> "x".repeat(random.nextInt(70_000));
      case 7 -> "\ud800" + randomString();
      case 8 -> "\u0000\u0007\u001b";
      case 9 -> new JsonArray().add(randomString()).add(random.nextInt());
      case 10 -> new JsonObject(Map.of(randomString(), randomString()));
      case 11 -> nested(random.nextInt(200));
      case 12 -> String.valueOf(random.nextLong());
      default -> randomString();
    };
  }

  private static JsonArray nested(int depth) {
    JsonArray inner = new JsonArray();
    for (int i = 0; i < depth; i++) {
      inner = new JsonArray().add(inner);
    }
    return inner;
  }

  public String randomString() {
    int length = random.nextInt(12);
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < length; i++) {
      out.append(random.nextInt(4) == 0 ? (char) random.nextInt(0xFFFF) : (char) ('a' + random.nextInt(26)));
    }
    return out.toString();
  }

  /** Random bytes, sometimes many. */
  public byte[] bytes(int max) {
    byte[] bytes = new byte[random.nextInt(max + 1)];
    random.nextBytes(bytes);
    return bytes;
  }
}
