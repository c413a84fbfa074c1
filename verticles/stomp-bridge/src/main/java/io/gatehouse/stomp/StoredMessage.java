package io.gatehouse.stomp;

import io.gatehouse.contract.routing.Delivery;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * How a SEND is kept in a topic's log and how it comes back as a MESSAGE. The log holds text: a body that is
 * UTF-8 without NUL bytes is stored as that text (so action-protocol and Socket.IO clients read it as sent),
 * any other body as its base64 with {@code "encoding":"base64"} in the message's attributes, and decoded to
 * the same bytes for STOMP subscribers. The SEND's own headers ({@code content-type} and user headers) ride
 * in the attributes and are copied into the MESSAGE; those STOMP gives a meaning per frame are not.
 */
record StoredMessage(String content, String attributes) {

  /** Headers that belong to the SEND frame itself or that the MESSAGE gets from the broker. */
  private static final Set<String> FRAME_HEADERS = Set.of("destination", "receipt", "transaction", "content-length",
    "subscription", "message-id", "ack", "id", "from", "sent-at", "seq", "pending");
  private static final String ACTION_CONTENT_TYPE = "text/plain;charset=utf-8";

  static StoredMessage of(StompFrame send) {
    JsonObject headers = new JsonObject();
    send.headers().forEach((name, value) -> {
      if (!FRAME_HEADERS.contains(name)) {
        headers.put(name, value);
      }
    });
    JsonObject attributes = new JsonObject().put("headers", headers);
    boolean text = send.textual() && !hasNul(send.body());
    if (!text) {
      attributes.put("encoding", "base64");
    }
    String content = text ? send.bodyAsString() : Base64.getEncoder().encodeToString(send.body().getBytes());
    return new StoredMessage(content, attributes.encode());
  }

  /**
   * Adds the stored headers of {@code delivery} to a MESSAGE's {@code headers} (those already there win) and
   * returns its body. A message published by another protocol is UTF-8 text.
   */
  static Buffer restore(Delivery delivery, Map<String, String> headers) {
    JsonObject attributes = parse(delivery.attributes());
    if (attributes == null) {
      headers.put("content-type", ACTION_CONTENT_TYPE);
      return Buffer.buffer(delivery.content().getBytes(StandardCharsets.UTF_8));
    }
    JsonObject stored = attributes.getJsonObject("headers", new JsonObject());
    stored.forEach(entry -> headers.putIfAbsent(entry.getKey(), String.valueOf(entry.getValue())));
    return "base64".equals(attributes.getString("encoding"))
      ? Buffer.buffer(Base64.getDecoder().decode(delivery.content()))
      : Buffer.buffer(delivery.content().getBytes(StandardCharsets.UTF_8));
  }

  private static JsonObject parse(String attributes) {
    if (attributes == null) {
      return null;
    }
    try {
      return new JsonObject(attributes);
    } catch (DecodeException | ClassCastException e) {
      return null;
    }
  }

  private static boolean hasNul(Buffer body) {
    for (int i = 0; i < body.length(); i++) {
      if (body.getByte(i) == 0) {
        return true;
      }
    }
    return false;
  }
}
