package io.gatehouse.contract.face;

import io.gatehouse.contract.WireReader;
import io.vertx.core.buffer.Buffer;

import java.util.Arrays;

/**
 * Analyse one encoded image (JPEG or PNG) statelessly; replies {@link FrameAnalysis}. Fails BAD_REQUEST
 * {@code invalid_frame} for undecodable or too large images. With {@code descriptor} the reply carries the face's
 * descriptor when the engine makes them ({@link FaceDescriptors}); it costs the engine more CPU than the rest.
 */
public record AnalyzeFrame(byte[] image, boolean descriptor) {

  public AnalyzeFrame {
    image = image == null ? new byte[0] : image;
  }

  public AnalyzeFrame(byte[] image) {
    this(image, false);
  }

  void writeTo(Buffer out) {
    out.appendInt(image.length).appendBytes(image);
    WireReader.writeBoolean(out, descriptor);
  }

  static AnalyzeFrame readFrom(WireReader in) {
    return new AnalyzeFrame(in.readBytes(), in.readBoolean());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AnalyzeFrame that && Arrays.equals(image, that.image) && descriptor == that.descriptor;
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(image) * 31 + Boolean.hashCode(descriptor);
  }

  @Override
  public String toString() {
    return "AnalyzeFrame[" + image.length + " bytes, descriptor " + descriptor + "]";
  }
}
