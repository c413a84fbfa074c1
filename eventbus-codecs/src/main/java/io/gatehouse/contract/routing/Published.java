package io.gatehouse.contract.routing;

import io.gatehouse.contract.WireReader;
import io.vertx.core.buffer.Buffer;

/** A committed message: its id (UUIDv4), its topic and place in that topic's log, and when it was sent (epoch ms). */
public record Published(String messageId, long topicId, long seq, long sentAt) {

  public void writeTo(Buffer out) {
    WireReader.writeString(out, messageId);
    out.appendLong(topicId).appendLong(seq).appendLong(sentAt);
  }

  public static Published readFrom(WireReader in) {
    return new Published(in.readString(), in.readLong(), in.readLong(), in.readLong());
  }
}
