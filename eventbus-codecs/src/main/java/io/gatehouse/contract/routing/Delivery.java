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
 */
public record Delivery(long topicId, String topicName, TopicKind kind, long seq, String messageId, String senderId,
                       String senderName, long sentAt, String content, boolean pending) {

  public Delivery asPending() {
    return pending ? this : new Delivery(topicId, topicName, kind, seq, messageId, senderId, senderName, sentAt,
      content, true);
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
  }

  public static Delivery readFrom(WireReader in) {
    return new Delivery(in.readLong(), in.readString(), TopicKind.fromCode(in.readByte()), in.readLong(),
      in.readString(), in.readString(), in.readString(), in.readLong(), in.readString(), in.readBoolean());
  }

  @Override
  public String toString() {
    return "Delivery[topicId=" + topicId + ", seq=" + seq + ", messageId=" + messageId + ", pending=" + pending + "]";
  }
}
