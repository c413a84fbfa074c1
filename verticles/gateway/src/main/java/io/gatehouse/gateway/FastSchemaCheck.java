package io.gatehouse.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A quick yes-only check for the small JSON Schema subset our request schemas use (type, properties,
 * required, additionalProperties:false, min/maxLength, pattern, min/maxItems, items, anyOf). It answers
 * "valid" only when the full validator would; anything else goes to the full validator, which also
 * writes the error message. Schemas with other keywords get no quick check at all.
 */
final class FastSchemaCheck {

  private static final Set<String> SUPPORTED = Set.of("type", "properties", "required", "additionalProperties",
    "minLength", "maxLength", "pattern", "minItems", "maxItems", "items", "anyOf", "$schema", "description");

  private final String type;
  private final Map<String, FastSchemaCheck> properties;
  private final List<String> required;
  private final boolean closed;
  private final Integer minLength;
  private final Integer maxLength;
  private final Pattern pattern;
  private final Integer minItems;
  private final Integer maxItems;
  private final FastSchemaCheck items;
  private final List<FastSchemaCheck> anyOf;

  private FastSchemaCheck(JsonObject schema) {
    type = schema.getString("type");
    properties = new LinkedHashMap<>();
    JsonObject props = schema.getJsonObject("properties", new JsonObject());
    props.forEach(entry -> properties.put(entry.getKey(), new FastSchemaCheck((JsonObject) entry.getValue())));
    required = schema.getJsonArray("required", new JsonArray()).stream().map(String::valueOf).toList();
    closed = Boolean.FALSE.equals(schema.getValue("additionalProperties"));
    minLength = schema.getInteger("minLength");
    maxLength = schema.getInteger("maxLength");
    pattern = schema.getString("pattern") == null ? null : Pattern.compile(schema.getString("pattern"));
    minItems = schema.getInteger("minItems");
    maxItems = schema.getInteger("maxItems");
    items = schema.getJsonObject("items") == null ? null : new FastSchemaCheck(schema.getJsonObject("items"));
    List<FastSchemaCheck> alternatives = new ArrayList<>();
    schema.getJsonArray("anyOf", new JsonArray()).forEach(alt -> alternatives.add(new FastSchemaCheck((JsonObject) alt)));
    anyOf = alternatives;
  }

  /** A quick check for {@code schema}, or empty when it uses keywords this class does not know. */
  static Optional<FastSchemaCheck> of(JsonObject schema) {
    return supported(schema) ? Optional.of(new FastSchemaCheck(schema)) : Optional.empty();
  }

  private static boolean supported(JsonObject schema) {
    if (!SUPPORTED.containsAll(schema.fieldNames())) {
      return false;
    }
    Object additional = schema.getValue("additionalProperties");
    if (additional != null && !Boolean.FALSE.equals(additional)) {
      return false;
    }
    if (schema.getValue("type") != null && !(schema.getValue("type") instanceof String)) {
      return false;
    }
    for (Object child : schema.getJsonObject("properties", new JsonObject()).getMap().values()) {
      if (!(child instanceof Map<?, ?> || child instanceof JsonObject) || !supported(asObject(child))) {
        return false;
      }
    }
    if (schema.getValue("items") != null && !supported(asObject(schema.getValue("items")))) {
      return false;
    }
    for (Object alternative : schema.getJsonArray("anyOf", new JsonArray())) {
      if (!supported(asObject(alternative))) {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private static JsonObject asObject(Object value) {
    return value instanceof JsonObject json ? json : new JsonObject((Map<String, Object>) value);
  }

  /** True only when {@code value} certainly satisfies the schema. */
  boolean accepts(Object value) {
    if (type != null && !hasType(value)) {
      return false;
    }
    if (value instanceof JsonObject object) {
      for (String name : required) {
        if (!object.containsKey(name)) {
          return false;
        }
      }
      for (Map.Entry<String, Object> field : object) {
        FastSchemaCheck check = properties.get(field.getKey());
        if (check == null ? closed : !check.accepts(field.getValue())) {
          return false;
        }
      }
    }
    if (value instanceof String text && !acceptsString(text)) {
      return false;
    }
    if (value instanceof JsonArray array && !acceptsArray(array)) {
      return false;
    }
    return anyOf.isEmpty() || anyOf.stream().anyMatch(alternative -> alternative.accepts(value));
  }

  private boolean acceptsString(String text) {
    if (minLength != null || maxLength != null) {
      int length = text.codePointCount(0, text.length());
      if ((minLength != null && length < minLength) || (maxLength != null && length > maxLength)) {
        return false;
      }
    }
    return pattern == null || pattern.matcher(text).find();
  }

  private boolean acceptsArray(JsonArray array) {
    if ((minItems != null && array.size() < minItems) || (maxItems != null && array.size() > maxItems)) {
      return false;
    }
    if (items != null) {
      for (Object item : array) {
        if (!items.accepts(item)) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean hasType(Object value) {
    return switch (type) {
      case "object" -> value instanceof JsonObject;
      case "string" -> value instanceof String;
      case "boolean" -> value instanceof Boolean;
      case "array" -> value instanceof JsonArray;
      case "integer" -> value instanceof Integer || value instanceof Long;
      case "number" -> value instanceof Number;
      case "null" -> value == null;
      default -> false;
    };
  }
}
