package io.gatehouse.contract.ekyc;

import io.gatehouse.contract.WireReader;
import io.vertx.core.buffer.Buffer;

/**
 * One STOMP SEND to {@code /v1/signup/ws/process-frame} of a claimed slot: its raw JSON body, validated by
 * the verifier's service; replies {@link FrameResults}. Fails FORBIDDEN {@code invalid_slot} when the slot
 * is no longer open.
 */
public record ProcessFrames(String transactionId, String slotId, String body) {

  void writeTo(Buffer out) {
    WireReader.writeString(out, transactionId);
    WireReader.writeString(out, slotId);
    WireReader.writeString(out, body);
  }

  static ProcessFrames readFrom(WireReader in) {
    return new ProcessFrames(in.readString(), in.readString(), in.readString());
  }

  @Override
  public String toString() {
    return "ProcessFrames[slotId=" + slotId + ", " + (body == null ? 0 : body.length()) + " chars]";
  }
}
