package io.gatehouse.contract.face;

import io.gatehouse.contract.WireReader;
import io.vertx.core.buffer.Buffer;

import java.util.Arrays;

/** One decoded frame of a session, for its owner; replies {@link FrameOutcome}. */
public record SessionFrame(String sessionId, byte[] image) {

  public SessionFrame {
    image = image == null ? new byte[0] : image;
  }

  void writeTo(Buffer out) {
    WireReader.writeString(out, sessionId);
    out.appendInt(image.length).appendBytes(image);
  }

  static SessionFrame readFrom(WireReader in) {
    return new SessionFrame(in.readString(), in.readBytes());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SessionFrame that && sessionId.equals(that.sessionId) && Arrays.equals(image, that.image);
  }

  @Override
  public int hashCode() {
    return 31 * sessionId.hashCode() + Arrays.hashCode(image);
  }

  @Override
  public String toString() {
    return "SessionFrame[" + sessionId + ", " + image.length + " bytes]";
  }
}
