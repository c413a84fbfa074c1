package io.gatehouse.contract.face;

import io.gatehouse.contract.WireReader;
import io.vertx.core.buffer.Buffer;

import java.util.Arrays;
import java.util.Objects;

/**
 * What one frame showed. Positions and sizes are relative to the image (0..1); {@code yaw} is a rough head
 * turn from -1 to 1, negative when the face turns towards the image's left; {@code quality} is 0..1;
 * {@code eyeScore} is the engine's raw eye openness, comparable between frames of one person (see {@link EyeBlinks})
 * where {@code eyesOpen} is an absolute cut.
 * With {@code faces != 1} only {@code faces} is meaningful. {@code descriptor} is the face's descriptor
 * ({@link FaceDescriptors}) when one was asked for and the engine makes them, else null.
 */
public record FrameAnalysis(int faces, boolean eyesOpen, double faceCenterX, double faceCenterY, double faceWidth,
                            double yaw, double quality, double eyeScore, float[] descriptor) {

  /** Without a descriptor. */
  public FrameAnalysis(int faces, boolean eyesOpen, double faceCenterX, double faceCenterY, double faceWidth,
                       double yaw, double quality, double eyeScore) {
    this(faces, eyesOpen, faceCenterX, faceCenterY, faceWidth, yaw, quality, eyeScore, null);
  }

  public static FrameAnalysis noSingleFace(int faces) {
    return new FrameAnalysis(faces, false, 0, 0, 0, 0, 0, 0);
  }

  public FrameAnalysis withDescriptor(float[] features) {
    return new FrameAnalysis(faces, eyesOpen, faceCenterX, faceCenterY, faceWidth, yaw, quality, eyeScore, features);
  }

  public boolean singleFace() {
    return faces == 1;
  }

  void writeTo(Buffer out) {
    out.appendInt(faces);
    WireReader.writeBoolean(out, eyesOpen);
    out.appendDouble(faceCenterX).appendDouble(faceCenterY).appendDouble(faceWidth).appendDouble(yaw)
      .appendDouble(quality).appendDouble(eyeScore);
    out.appendInt(descriptor == null ? -1 : descriptor.length);
    if (descriptor != null) {
      for (float value : descriptor) {
        out.appendInt(Float.floatToIntBits(value));
      }
    }
  }

  static FrameAnalysis readFrom(WireReader in) {
    FrameAnalysis analysis = new FrameAnalysis(in.readInt(), in.readBoolean(), in.readDouble(), in.readDouble(),
      in.readDouble(), in.readDouble(), in.readDouble(), in.readDouble());
    int length = in.readInt();
    if (length < 0) {
      return analysis;
    }
    if (length > FaceDescriptors.LENGTH * 4) {
      throw new IllegalArgumentException("descriptor too long: " + length);
    }
    float[] descriptor = new float[length];
    for (int i = 0; i < length; i++) {
      descriptor[i] = Float.intBitsToFloat(in.readInt());
    }
    return analysis.withDescriptor(descriptor);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FrameAnalysis that && faces == that.faces && eyesOpen == that.eyesOpen
      && Double.compare(faceCenterX, that.faceCenterX) == 0 && Double.compare(faceCenterY, that.faceCenterY) == 0
      && Double.compare(faceWidth, that.faceWidth) == 0 && Double.compare(yaw, that.yaw) == 0
      && Double.compare(quality, that.quality) == 0 && Double.compare(eyeScore, that.eyeScore) == 0
      && Arrays.equals(descriptor, that.descriptor);
  }

  @Override
  public int hashCode() {
    return Objects.hash(faces, eyesOpen, faceCenterX, faceCenterY, faceWidth, yaw, quality, eyeScore)
      * 31 + Arrays.hashCode(descriptor);
  }

  @Override
  public String toString() {
    return "FrameAnalysis[faces=" + faces + ", yaw=" + yaw + ", quality=" + quality + ", eyeScore=" + eyeScore
      + ", descriptor=" + (descriptor == null ? "none" : descriptor.length + " numbers") + "]";
  }
}
