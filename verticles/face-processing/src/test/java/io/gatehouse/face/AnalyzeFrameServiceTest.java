package io.gatehouse.face;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.face.AnalyzeFrame;
import io.gatehouse.contract.face.FrameAnalysis;
import io.gatehouse.face.engine.FaceFixtures;
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
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code gatehouse.face.analyze}, the stateless analysis another team uses for eKYC liveness. */
class AnalyzeFrameServiceTest {

  private static Vertx vertx;

  @BeforeAll
  static void deploy() throws Exception {
    vertx = Vertx.vertx();
    JsonObject config = new JsonObject()
      .put("node", new JsonObject().put("dataDir", Files.createTempDirectory("face-service").toString()))
      .put("database", TestDatabase.fresh("face").toJson())
      .put("face", new JsonObject().put("engineType", "local").put("workerPoolSize", 2));
    await(vertx.deployVerticle(FaceProcessingVerticle.class.getName(), new DeploymentOptions().setConfig(config)
      .setInstances(2)));
  }

  @AfterAll
  static void close() throws Exception {
    await(vertx.close());
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
  }

  private static Future<FrameAnalysis> analyze(byte[] image) {
    return vertx.eventBus().<FrameAnalysis>request(Addresses.Face.ANALYZE_FRAME, new AnalyzeFrame(image),
      new DeliveryOptions().setSendTimeout(20_000)).map(Message::body);
  }

  @Test
  @DisplayName("a frame is analysed into one face with its position, eye state, yaw and quality")
  void analysesAFrame() throws Exception {
    FaceFixtures person = FaceFixtures.faceApiSample(3, 0);
    FrameAnalysis left = await(analyze(person.frame(170, -100, 0, false)));
    FrameAnalysis right = await(analyze(person.frame(170, 100, 0, false)));

    assertThat(left.faces()).isEqualTo(1);
    assertThat(left.eyesOpen()).isTrue();
    assertThat(left.faceCenterX()).isLessThan(0.45);
    assertThat(right.faceCenterX()).isGreaterThan(0.55);
    assertThat(left.faceWidth()).isBetween(0.15, 0.45);
    assertThat(left.yaw()).isBetween(-1.0, 1.0);
    assertThat(left.quality()).isBetween(0.4, 1.0);
  }

  @Test
  @DisplayName("undecodable and oversized images fail BAD_REQUEST invalid_frame, and analysis goes on")
  void invalidFrames() throws Exception {
    byte[] random = new byte[10_000];
    new Random(9).nextBytes(random);
    List<byte[]> bad = List.of(random, new byte[0], new byte[2 * 1024 * 1024]);
    for (byte[] image : bad) {
      Throwable failure = analyze(image).toCompletionStage().toCompletableFuture()
        .handle((ok, error) -> error).get(30, TimeUnit.SECONDS);
      assertThat(ServiceFailure.codeOf(failure.getCause() == null ? failure : failure.getCause()))
        .isEqualTo(FailureCode.BAD_REQUEST);
      assertThat(ServiceFailure.reasonOf(failure.getCause() == null ? failure : failure.getCause()))
        .isEqualTo("invalid_frame");
    }
    assertThat(await(analyze(FaceFixtures.faceApiSample(3, 0).frame(170, 0, 0, false))).faces()).isEqualTo(1);
  }

  @Test
  @DisplayName("many frames in parallel are all analysed, on worker threads")
  void parallelFrames() throws Exception {
    byte[] frame = FaceFixtures.faceApiSample(3, 0).frame(170, 0, 0, false);
    List<Future<FrameAnalysis>> all = new java.util.ArrayList<>();
    for (int i = 0; i < 20; i++) {
      all.add(analyze(frame));
    }
    await(Future.all(all));
    assertThat(all).allSatisfy(f -> assertThat(f.result().faces()).isEqualTo(1));
  }
}
