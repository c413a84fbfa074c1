package io.gatehouse.face.polyglot;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

import java.util.Map;
import java.util.Set;

/**
 * What a frame from a bridge peer must look like before the bridge library parses it: a JSON object whose
 * {@code type} is one the bridge knows, an {@code address} (but on {@code ping}), and every field the library
 * reads of the type it reads it as. The library itself throws on an unknown type, on headers or fields of
 * another type, and on the delivery-option headers ({@code timeout}, {@code localOnly}, {@code codecName})
 * when they hold the wrong kind of value; such frames never reach it.
 */
final class BridgeFrameRules {

  static final String INVALID_JSON = "invalid_json";
  static final String UNKNOWN_TYPE = "unknown_type";
  static final String MISSING_ADDRESS = "missing_address";
  static final String INVALID_FIELD = "invalid_field";
  static final String INVALID_HEADERS = "invalid_headers";

  static final int MAX_ADDRESS_LENGTH = 256;
  static final int MAX_MESSAGE_LENGTH = 4_096;
  static final int MAX_HEADERS = 16;

  private static final Set<String> TYPES = Set.of("ping", "register", "unregister", "send", "publish");
  /** Headers the library turns into delivery options instead of passing them on. */
  private static final Set<String> DELIVERY_HEADERS = Set.of("timeout", "localOnly", "codecName");

  private BridgeFrameRules() {
  }

  /** Why {@code payload} is refused (one of the constants here), or null when it may go to the bridge. */
  static String refusal(Buffer payload) {
    JsonObject frame;
    try {
      frame = new JsonObject(payload);
    } catch (RuntimeException notAnObject) {
      return INVALID_JSON;
    }
    if (!(frame.getValue("type") instanceof String type) || !TYPES.contains(type)) {
      return UNKNOWN_TYPE;
    }
    Object address = frame.getValue("address");
    if (!"ping".equals(type) && !(address instanceof String text && !text.isEmpty())) {
      return MISSING_ADDRESS;
    }
    if (!optionalText(address, MAX_ADDRESS_LENGTH) || !optionalText(frame.getValue("replyAddress"), MAX_ADDRESS_LENGTH)
      || !optionalText(frame.getValue("message"), MAX_MESSAGE_LENGTH) || !optionalInt(frame.getValue("failureCode"))) {
      return INVALID_FIELD;
    }
    return headersAllowed(frame.getValue("headers")) ? null : INVALID_HEADERS;
  }

  private static boolean optionalText(Object value, int maxLength) {
    return value == null || value instanceof String text && text.length() <= maxLength;
  }

  private static boolean optionalInt(Object value) {
    return value == null || (value instanceof Integer)
      || (value instanceof Long number && number == number.intValue());
  }

  /** Absent, or an object of at most {@value #MAX_HEADERS} text values none of which is a delivery option. */
  private static boolean headersAllowed(Object headers) {
    if (headers == null) {
      return true;
    }
    if (!(headers instanceof JsonObject object) || object.size() > MAX_HEADERS) {
      return false;
    }
    for (Map.Entry<String, Object> header : object) {
      if (!(header.getValue() instanceof String) || DELIVERY_HEADERS.contains(header.getKey())) {
        return false;
      }
    }
    return true;
  }
}
