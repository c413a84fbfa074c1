package io.gatehouse.face;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.face.AnalyzeFrame;
import io.gatehouse.contract.face.FaceDescriptors;
import io.gatehouse.contract.face.FrameAnalysis;
import io.gatehouse.face.engine.FaceClips;
import io.gatehouse.face.polyglot.EngineTestKit;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code gatehouse.face.analyze} with a descriptor asked for, on the polyglot engine and real video frames. The first
 * frames of the clips here are ones the detector at its descriptor input size misses and the liveness size finds.
 */
@DisplayName("stateless frame analysis describes the face when asked, for identity checks elsewhere")
class AnalyzeFrameDescriptorTest {

  private static Vertx vertx;

  @BeforeAll
  static void deploy() throws Exception {
    vertx = Vertx.vertx();
    JsonObject config = new JsonObject()
      .put("node", new JsonObject().put("dataDir", Files.createTempDirectory("face-describe").toString()))
      .put("database", TestDatabase.fresh("face").toJson())
      .put("face", EngineTestKit.faceSection(1));
    await(vertx.deployVerticle(FaceProcessingVerticle.class.getName(), new DeploymentOptions().setConfig(config)));
  }

  @AfterAll
  static void close() throws Exception {
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
  }

  private static FrameAnalysis analyze(byte[] image, boolean descriptor) throws Exception {
    return await(vertx.eventBus().<FrameAnalysis>request(Addresses.Face.ANALYZE_FRAME,
      new AnalyzeFrame(image, descriptor), new DeliveryOptions().setSendTimeout(60_000)).map(Message::body));
  }

  @Test
  @DisplayName("a frame asked with a descriptor carries the face's 128 numbers, one asked without carries none")
  void descriptorOnRequest() throws Exception {
    byte[] frame = FaceClips.frames(FaceClips.TURNING_MAN, 37.5, 0.1, 10).get(0);
    FrameAnalysis described = analyze(frame, true);
    FrameAnalysis plain = analyze(frame, false);

    assertThat(described.faces()).isEqualTo(1);
    assertThat(described.descriptor()).hasSize(FaceDescriptors.LENGTH);
    assertThat(plain.descriptor()).isNull();
    assertThat(plain.faces()).isEqualTo(1);
  }

  @Test
  @DisplayName("the man of the turning clip at 25.2 s and turned either way at 38.3 s and 39.4 s is one person by "
    + "the face sessions' rule (within 0.57, measured ~0.3); the talking-face man is another (~0.85)")
  void sameAndOtherPerson() throws Exception {
    List<byte[]> turning = FaceClips.frames(FaceClips.TURNING_MAN, 37.5, 2.0, 10);
    float[] blinking = analyze(FaceClips.frames(FaceClips.TURNING_MAN, 25.2, 0.2, 10).get(0), true).descriptor();
    float[] turnedLeft = analyze(turning.get(8), true).descriptor();
    float[] turnedRight = analyze(turning.get(19), true).descriptor();
    float[] talking = analyze(FaceClips.frames(FaceClips.TALKING_MAN, 6.5, 0.1, 24).get(0), true).descriptor();

    double threshold = FaceDescriptors.DEFAULT_THRESHOLD;
    assertThat(FaceDescriptors.samePerson(blinking, turnedLeft, threshold)).isTrue();
    assertThat(FaceDescriptors.samePerson(blinking, turnedRight, threshold)).isTrue();
    assertThat(FaceDescriptors.samePerson(blinking, talking, threshold)).isFalse();
    assertThat(FaceDescriptors.samePerson(turnedLeft, talking, threshold)).isFalse();
  }
}
