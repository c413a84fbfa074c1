package io.gatehouse.face;

import io.gatehouse.face.engine.FaceTemplate;
import io.gatehouse.face.engine.FrameAnalyzer.TemplateDistance;

import java.util.List;
import java.util.Map;

/** Finds the enrolled person nearest to a session's probe templates (smallest pairwise distance). */
final class Matcher {

  /** The nearest enrolled user, its distance, and the confidence derived from it (0..1). */
  record Match(String userId, double distance, double confidence, boolean accepted) {
  }

  private Matcher() {
  }

  static Match best(TemplateDistance distance, List<FaceTemplate> probes, Map<String, List<FaceTemplate>> enrolled,
                    double threshold) {
    String bestUser = null;
    double best = Double.MAX_VALUE;
    for (Map.Entry<String, List<FaceTemplate>> entry : enrolled.entrySet()) {
      for (FaceTemplate stored : entry.getValue()) {
        for (FaceTemplate probe : probes) {
          double d = distance.between(probe, stored);
          if (d < best) {
            best = d;
            bestUser = entry.getKey();
          }
        }
      }
    }
    // Confidence falls linearly with distance: 1 at 0, 0.5 at the acceptance threshold, 0 at twice it.
    double confidence = bestUser == null ? 0 : Math.max(0, Math.min(1, 1 - best / (2 * threshold)));
    return new Match(bestUser, best, confidence, bestUser != null && best <= threshold);
  }
}
