package io.gatehouse.face;

import io.gatehouse.contract.edge.EdgeOptions;
import io.gatehouse.face.engine.FaceEngine;
import io.gatehouse.face.engine.FaceTemplate;
import io.gatehouse.face.polyglot.EngineTestKit;
import io.gatehouse.face.polyglot.PolyglotAnalyzer;
import io.gatehouse.face.polyglot.PolyglotOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The polyglot engine on the whole face development set ({@code ../shared/face-dev-set}, 61 photos, 520 labelled
 * pairs): every photo goes through a real engine worker over the bridge, and each pair is accepted when its
 * descriptors are closer than the configured threshold, exactly as authentication decides.
 */
@DisplayName("face matching on the development set")
class DevSetAccuracyTest {

  private static final Logger LOG = LoggerFactory.getLogger(DevSetAccuracyTest.class);

  private static Vertx vertx;
  private static EngineSetup engine;

  @BeforeAll
  static void start() throws Exception {
    vertx = Vertx.vertx();
    JsonObject config = new JsonObject().put("face", EngineTestKit.faceSection(1));
    engine = await(EngineSetup.start(vertx, FaceOptions.from(config), EdgeOptions.from(config)));
  }

  @AfterAll
  static void stop() throws Exception {
    await(engine.close());
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("all 520 pairs: at least 99 % of genuine pairs accepted, at most 0.5 % of impostor pairs")
  void genuineAcceptedImpostorsRefused() throws Exception {
    Path dir = EngineTestKit.devSet();
    List<String[]> pairs = Files.readAllLines(dir.resolve("pairs.csv")).stream().skip(1)
      .filter(line -> !line.isBlank()).map(line -> line.split(",")).toList();
    Map<String, FaceTemplate> descriptors = new HashMap<>();
    for (String[] pair : pairs) {
      for (String file : List.of(pair[0].trim(), pair[1].trim())) {
        if (!descriptors.containsKey(file)) {
          FaceEngine.Result result = await(engine.analyzer().analyze(Files.readAllBytes(dir.resolve(file)), true));
          assertThat(result.template()).as("a face in %s", file).isNotNull();
          descriptors.put(file, result.template());
        }
      }
    }
    double threshold = engine.analyzer().matchThreshold();
    int genuine = 0;
    int genuineAccepted = 0;
    int impostors = 0;
    int impostorsAccepted = 0;
    for (String[] pair : pairs) {
      double distance = PolyglotAnalyzer.euclidean(descriptors.get(pair[0].trim()), descriptors.get(pair[1].trim()));
      boolean same = "Yes".equalsIgnoreCase(pair[2].trim());
      boolean accepted = distance <= threshold;
      if (same) {
        genuine++;
        genuineAccepted += accepted ? 1 : 0;
      } else {
        impostors++;
        impostorsAccepted += accepted ? 1 : 0;
      }
    }
    double tar = 100.0 * genuineAccepted / genuine;
    double far = 100.0 * impostorsAccepted / impostors;
    LOG.info("face-dev-set at threshold {}: TAR {} % ({}/{}), FAR {} % ({}/{})", threshold,
      String.format("%.2f", tar), genuineAccepted, genuine, String.format("%.2f", far), impostorsAccepted, impostors);

    assertThat(threshold).isEqualTo(PolyglotOptions.DEFAULT_MATCH_THRESHOLD);
    assertThat(genuine + impostors).isEqualTo(520);
    assertThat(tar).isGreaterThanOrEqualTo(99.0);
    assertThat(far).isLessThanOrEqualTo(0.5);
  }
}
