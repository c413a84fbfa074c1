package io.gatehouse.contract.routing;

import io.gatehouse.contract.WireReader;
import io.vertx.core.buffer.Buffer;

/**
 * One message of a topic's log on its way to members: published live on
 * {@code Addresses.Delivery.topic(topicId)} after it is committed, and returned by catch-up with
 * {@code pending} set. {@code seq} numbers each topic's messages 1, 2, 3... without gaps (unless retention
 * removed old ones); a receiver that sees a gap catches up, and deduplicates by {@code messageId}.
 * One routing instance publishes a topic's deliveries in seq order; with several instances appending to
 * the same topic, live deliveries of that topic can arrive slightly out of order, so order by seq.
 * {@code attributes} is the publisher's {@link Publish#attributes()}, as stored (null for none). STOMP's
 * form: {@code {"headers":{name:value,...},"encoding":"base64"}}, where {@code encoding} is present only when
 * {@code content} holds the base64 of a body that is not NUL-free UTF-8 text.
 */
public record Delivery(long topicId, String topicName, TopicKind kind, long seq, String messageId, String senderId,
                       String senderName, long sentAt, String content, boolean pending, String attributes) {

  public Delivery(long topicId, String topicName, TopicKind kind, long seq, String messageId, String senderId,
                  String senderName, long sentAt, String content, boolean pending) {
    this(topicId, topicName, kind, seq, messageId, senderId, senderName, sentAt, content, pending, null);
  }

  public Delivery asPending() {
    return pending ? this : new Delivery(topicId, topicName, kind, seq, messageId, senderId, senderName, sentAt,
      content, true, attributes);
  }

  public void writeTo(Buffer out) {
    out.appendLong(topicId);
    WireReader.writeString(out, topicName);
    out.appendByte((byte) kind.code());
    out.appendLong(seq);
    WireReader.writeString(out, messageId);
    WireReader.writeString(out, senderId);
    WireReader.writeString(out, senderName);
    out.appendLong(sentAt);
    WireReader.writeString(out, content);
    WireReader.writeBoolean(out, pending);
    WireReader.writeString(out, attributes);
  }

  public static Delivery readFrom(WireReader in) {
    return new Delivery(in.readLong(), in.readString(), TopicKind.fromCode(in.readByte()), in.readLong(),
      in.readString(), in.readString(), in.readString(), in.readLong(), in.readString(), in.readBoolean(),
      in.readString());
  }

  @Override
  public String toString() {
    return "Delivery[topicId=" + topicId + ", seq=" + seq + ", messageId=" + messageId + ", pending=" + pending + "]";
  }
}
