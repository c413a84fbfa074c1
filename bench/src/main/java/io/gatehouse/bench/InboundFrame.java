package io.gatehouse.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;

/**
 * The fields of a server → client action-protocol frame that the generator looks at.
 *
 * <p>Parsed with a streaming parser and no intermediate map: at a thousand subscribers per topic the
 * generator reads a thousand deliveries per publish, on the same two cores as the server it measures.
 *
 * @param success null for deliveries, which carry no {@code success}
 * @param id the echoed request id, or -1
 * @param messageId a Long or a String, as the server sent it; null when absent
 */
record InboundFrame(String action, Boolean success, long id, String topicName, String content, Object messageId,
                    boolean pending, String code, String comment) {

  private static final JsonFactory JSON = new JsonFactory();

  static final String UNPARSEABLE = "unparseable_frame";

  /** A delivery is a message frame that is not a reply to our own publish. */
  boolean isDelivery() {
    return "message".equals(action) && success == null && content != null;
  }

  boolean isReply() {
    return success != null;
  }

  /** The machine code of a failure, with a fallback for servers that only send prose. */
  String failureCode() {
    if (code != null) {
      return code;
    }
    return comment != null ? comment : "unknown_failure";
  }

  static InboundFrame parse(byte[] bytes) {
    try (JsonParser parser = JSON.createParser(bytes)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return unparseable();
      }
      return readObject(parser);
    } catch (IOException | RuntimeException e) {
      return unparseable();
    }
  }

  private static InboundFrame readObject(JsonParser parser) throws IOException {
    String action = null;
    Boolean success = null;
    long id = -1;
    String topicName = null;
    String content = null;
    Object messageId = null;
    boolean pending = false;
    String code = null;
    String comment = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "action" -> action = textOrNull(parser, value);
        case "success" -> success = value == JsonToken.VALUE_TRUE ? Boolean.TRUE
          : value == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
        case "id" -> id = value == JsonToken.VALUE_NUMBER_INT ? parser.getLongValue() : -1;
        case "topic_name" -> topicName = textOrNull(parser, value);
        case "content" -> content = textOrNull(parser, value);
        case "message_id" -> messageId = value == JsonToken.VALUE_NUMBER_INT ? (Object) parser.getLongValue()
          : textOrNull(parser, value);
        case "pending" -> pending = value == JsonToken.VALUE_TRUE;
        case "code" -> code = textOrNull(parser, value);
        case "comment" -> comment = textOrNull(parser, value);
        default -> parser.skipChildren();
      }
    }
    return new InboundFrame(action, success, id, topicName, content, messageId, pending, code, comment);
  }

  private static String textOrNull(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    parser.skipChildren();
    return null;
  }

  private static InboundFrame unparseable() {
    return new InboundFrame(null, Boolean.FALSE, -1, null, null, null, false, UNPARSEABLE, null);
  }
}
