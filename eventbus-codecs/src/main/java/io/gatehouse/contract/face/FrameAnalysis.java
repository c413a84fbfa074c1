package io.gatehouse.contract.face;

import io.gatehouse.contract.WireReader;
import io.vertx.core.buffer.Buffer;

/**
 * What one frame showed. Positions and sizes are relative to the image (0..1); {@code yaw} is a rough head
 * turn from -1 to 1, negative when the face turns towards the image's left; {@code quality} is 0..1;
 * {@code eyeScore} is the engine's raw eye openness, comparable between frames of one person (see {@link EyeBlinks})
 * where {@code eyesOpen} is an absolute cut.
 * With {@code faces != 1} only {@code faces} is meaningful.
 */
public record FrameAnalysis(int faces, boolean eyesOpen, double faceCenterX, double faceCenterY, double faceWidth,
                            double yaw, double quality, double eyeScore) {

  public static FrameAnalysis noSingleFace(int faces) {
    return new FrameAnalysis(faces, false, 0, 0, 0, 0, 0, 0);
  }

  public boolean singleFace() {
    return faces == 1;
  }

  void writeTo(Buffer out) {
    out.appendInt(faces);
    WireReader.writeBoolean(out, eyesOpen);
    out.appendDouble(faceCenterX).appendDouble(faceCenterY).appendDouble(faceWidth).appendDouble(yaw)
      .appendDouble(quality).appendDouble(eyeScore);
  }

  static FrameAnalysis readFrom(WireReader in) {
    return new FrameAnalysis(in.readInt(), in.readBoolean(), in.readDouble(), in.readDouble(), in.readDouble(),
      in.readDouble(), in.readDouble(), in.readDouble());
  }
}
