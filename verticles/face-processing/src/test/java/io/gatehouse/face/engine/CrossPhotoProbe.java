package io.gatehouse.face.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Accuracy probe, not a test: template distance between two different photos of the same man
 * ({@code sinaface.jpg}, with glasses, and {@code face/ss.jpg}, without). Run with -Dface.probe=true.
 */
@EnabledIfSystemProperty(named = "face.probe", matches = "true")
class CrossPhotoProbe {
  private static final Logger LOG = LoggerFactory.getLogger(CrossPhotoProbe.class);

  @Test
  void probe() {
    try (OpenCvFaceEngine engine = new OpenCvFaceEngine(EngineOptions.defaults())) {
      byte[] ss = FaceFixtures.classpathBytes("/org/openimaj/image/data/face/ss.jpg");
      FaceEngine.Result raw = engine.analyze(ss, true);
      LOG.info("ss.jpg raw: {}", raw.analysis());
      FaceFixtures sina = FaceFixtures.sina();
      FaceTemplate a = engine.analyze(sina.frame(170, 0, 0, false), true).template();
      try {
        FaceFixtures other = FaceFixtures.of(ss, 0);
        for (int w : new int[] {100, 140, 170}) {
          FaceEngine.Result r = engine.analyze(other.frame(w, 0, 0, false), true);
          LOG.info("ss.jpg at {} px: {} distance to sinaface {}", w, r.analysis(),
            r.template() == null ? -1 : engine.distance(a, r.template()));
        }
      } catch (IllegalStateException e) {
        LOG.info("ss.jpg fixture: {}", e.getMessage());
      }
    }
  }
}
