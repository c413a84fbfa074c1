package io.gatehouse.contract.face;

import io.gatehouse.contract.WireReader;
import io.vertx.core.buffer.Buffer;

import java.util.Arrays;

/**
 * Analyse one encoded image (JPEG or PNG) statelessly; replies {@link FrameAnalysis}. Fails BAD_REQUEST
 * {@code invalid_frame} for undecodable or too large images.
 */
public record AnalyzeFrame(byte[] image) {

  public AnalyzeFrame {
    image = image == null ? new byte[0] : image;
  }

  void writeTo(Buffer out) {
    out.appendInt(image.length).appendBytes(image);
  }

  static AnalyzeFrame readFrom(WireReader in) {
    return new AnalyzeFrame(in.readBytes());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AnalyzeFrame that && Arrays.equals(image, that.image);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(image);
  }

  @Override
  public String toString() {
    return "AnalyzeFrame[" + image.length + " bytes]";
  }
}
