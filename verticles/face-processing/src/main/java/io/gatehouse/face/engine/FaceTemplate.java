package io.gatehouse.face.engine;

import java.nio.ByteBuffer;
import java.util.Arrays;

/** A face's matching features (an LBP histogram for the default engine), with a compact byte form. */
public record FaceTemplate(float[] features) {

  public FaceTemplate {
    features = features.clone();
  }

  @Override
  public float[] features() {
    return features.clone();
  }

  float at(int index) {
    return features[index];
  }

  int length() {
    return features.length;
  }

  public byte[] toBytes() {
    ByteBuffer out = ByteBuffer.allocate(4 + features.length * 4).putInt(features.length);
    for (float value : features) {
      out.putFloat(value);
    }
    return out.array();
  }

  public static FaceTemplate fromBytes(byte[] bytes) {
    ByteBuffer in = ByteBuffer.wrap(bytes);
    float[] features = new float[in.getInt()];
    for (int i = 0; i < features.length; i++) {
      features[i] = in.getFloat();
    }
    return new FaceTemplate(features);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FaceTemplate that && Arrays.equals(features, that.features);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(features);
  }

  @Override
  public String toString() {
    return "FaceTemplate[" + features.length + " features]";
  }
}
