package io.gatehouse.ekyc;

import io.gatehouse.contract.face.FaceDescriptors;
import io.gatehouse.contract.face.FrameAnalysis;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.random.RandomGenerator;

/**
 * Holds a verification to one face. The first accepted frame's descriptor is the reference (kept in the slot's
 * progress, so any node continues the check); a frame that completes a step is always compared with it, and any
 * other frame with probability {@code 1 / identityCheckEvery}, drawn when the frame arrives so the client cannot know
 * which. The rule is face sessions': the same person when the descriptors are within {@code face.descriptorThreshold}
 * ({@link FaceDescriptors}). An engine that makes no descriptors (the local one) leaves frames unchecked.
 */
final class IdentityCheck {

  static final String IDENTITY_CHANGED = "identity_changed";
  private static final String REFERENCE = "reference";

  private final RandomGenerator random;
  private final int checkEvery;
  private final double threshold;

  IdentityCheck(RandomGenerator random, int checkEvery, double threshold) {
    this.random = random;
    this.checkEvery = checkEvery;
    this.threshold = threshold;
  }

  /** Whether the next frame is to be analysed with a descriptor: no reference yet, or drawn at random. */
  boolean describeNext(JsonObject progress) {
    return !progress.containsKey(REFERENCE) || random.nextInt(checkEvery) == 0;
  }

  /**
   * Whether a described frame shows the reference face; the first described frame becomes the reference (written
   * into {@code progress}). Frames without a descriptor pass.
   */
  boolean sameFace(FrameAnalysis analysis, JsonObject progress) {
    float[] descriptor = analysis.descriptor();
    if (descriptor == null) {
      return true;
    }
    JsonArray reference = progress.getJsonArray(REFERENCE);
    if (reference == null) {
      JsonArray values = new JsonArray();
      for (float value : descriptor) {
        values.add(value);
      }
      progress.put(REFERENCE, values);
      return true;
    }
    float[] expected = new float[reference.size()];
    for (int i = 0; i < expected.length; i++) {
      expected[i] = reference.getNumber(i).floatValue();
    }
    return FaceDescriptors.samePerson(expected, descriptor, threshold);
  }
}
