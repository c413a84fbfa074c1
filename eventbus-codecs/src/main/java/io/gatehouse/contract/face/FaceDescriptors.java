package io.gatehouse.contract.face;

/**
 * The matching rule for the polyglot engine's 128-number face descriptors, shared by face sessions (identity within a
 * session, enrollments) and eKYC (one face across a verification): two descriptors show the same person when their
 * Euclidean distance is at most the threshold ({@code face.descriptorThreshold}, default 0.57).
 */
public final class FaceDescriptors {

  public static final int LENGTH = 128;
  public static final double DEFAULT_THRESHOLD = 0.57;

  private FaceDescriptors() {
  }

  /** Euclidean distance; descriptors of different lengths (another engine's templates) are infinitely far apart. */
  public static double distance(float[] a, float[] b) {
    if (a.length != b.length) {
      return Double.MAX_VALUE;
    }
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double d = a[i] - b[i];
      sum += d * d;
    }
    return Math.sqrt(sum);
  }

  public static boolean samePerson(float[] a, float[] b, double threshold) {
    return distance(a, b) <= threshold;
  }
}
