package io.gatehouse.contract.routing;

import io.gatehouse.contract.WireReader;
import io.vertx.core.buffer.Buffer;

/**
 * Append a message to a topic's log; replies {@link Published} only once the message is committed.
 * Exactly one of {@code topicName} (the sender must be a member) and {@code recipientId} (a direct message
 * into the recipient's inbox; the sender need not be a member of it) is set. Fails NOT_FOUND
 * {@code not_found} for an unknown topic or a private one the sender cannot see, FORBIDDEN
 * {@code not_member} for a visible topic the sender has not joined, BAD_REQUEST {@code invalid_request}
 * for a malformed request or content longer than the configured limit. {@code attributes} is what the
 * publishing protocol keeps beside the content, opaque to routing and stored with the message (null for
 * none): STOMP puts a JSON object there with the SEND's headers and, for a body that is not text, the
 * content's encoding (see {@link Delivery}).
 */
public record Publish(String senderId, String senderName, String topicName, String recipientId, String content,
                      String attributes) {

  public Publish(String senderId, String senderName, String topicName, String recipientId, String content) {
    this(senderId, senderName, topicName, recipientId, content, null);
  }

  public static Publish toTopic(String senderId, String senderName, String topicName, String content) {
    return new Publish(senderId, senderName, topicName, null, content);
  }

  public static Publish toTopic(String senderId, String senderName, String topicName, String content,
                                String attributes) {
    return new Publish(senderId, senderName, topicName, null, content, attributes);
  }

  public static Publish toUser(String senderId, String senderName, String recipientId, String content) {
    return new Publish(senderId, senderName, null, recipientId, content);
  }

  public boolean direct() {
    return recipientId != null;
  }

  public void writeTo(Buffer out) {
    WireReader.writeString(out, senderId);
    WireReader.writeString(out, senderName);
    WireReader.writeString(out, topicName);
    WireReader.writeString(out, recipientId);
    WireReader.writeString(out, content);
    WireReader.writeString(out, attributes);
  }

  public static Publish readFrom(WireReader in) {
    return new Publish(in.readString(), in.readString(), in.readString(), in.readString(), in.readString(),
      in.readString());
  }

  @Override
  public String toString() {
    return "Publish[senderId=" + senderId + ", topicName=" + topicName + ", recipientId=" + recipientId
      + ", contentChars=" + (content == null ? 0 : content.length()) + "]";
  }
}
