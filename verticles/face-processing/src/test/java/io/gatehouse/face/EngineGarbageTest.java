package io.gatehouse.face;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.face.AnalyzeFrame;
import io.gatehouse.contract.face.FrameOutcome;
import io.gatehouse.face.engine.FaceFixtures;
import io.gatehouse.face.polyglot.BridgePeer;
import io.gatehouse.face.polyglot.EngineTestKit;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * face-processing with no engine worker of its own ({@code face.engineWorkers} 0): what a session and the
 * stateless analysis get when nobody serves the engine, or when the only worker answers garbage.
 */
@DisplayName("face-processing without a sound engine worker")
class EngineGarbageTest {

  private static BusSessions sessions;
  private static FaceProcessingVerticle face;
  private static String secret;
  private static byte[] frame;

  @BeforeAll
  static void deploy() {
    JsonObject faceSection = EngineTestKit.faceSection(0).put("engineTimeoutMs", 1000);
    sessions = new BusSessions("facegarbage", faceSection);
    face = sessions.face;
    secret = EngineTestKit.secret(faceSection);
    frame = FaceFixtures.faceApiSample(3, 0).frame(170, 0, 0, false);
  }

  @AfterAll
  static void close() {
    sessions.close();
  }

  private static <T> T await(Future<T> future) {
    return BusSessions.await(future);
  }

  private static FrameOutcome send(String sessionId, byte[] image) {
    return await(sessions.send(sessionId, image));
  }

  @Test
  @DisplayName("with no worker anywhere a frame is not counted, the client is told the engine is unavailable, "
    + "and the session stays open")
  void noWorkerGivesADefinedError() throws Exception {
    String session = sessions.openEnrollment("vera", 20);

    FrameOutcome first = send(session, frame);
    FrameOutcome second = send(session, frame);

    assertThat(first.kind()).isEqualTo(FrameOutcome.Kind.REJECTED);
    assertThat(first.reason()).isEqualTo("engine_unavailable");
    assertThat(second.reason()).isEqualTo("engine_unavailable");
    assertThat(second.framesProcessed()).isZero();
  }

  @Test
  @DisplayName("a worker that answers garbage (wrong types, missing fields, no descriptor) never breaks a session: "
    + "each frame gets engine_unavailable, and an undecodable image is still invalid_frame")
  void garbageWorkerIsContained() throws Exception {
    String session = sessions.openEnrollment("vera", 20);
    JsonObject[] answers = {
      new JsonObject(),
      new JsonObject().put("width", 640).put("height", 480).put("faces", "many"),
      new JsonObject().put("width", 640).put("height", 480).put("faces", new JsonArray()
        .add(new JsonObject().put("box", new JsonObject().put("x", 1).put("y", 2).put("width", 50).put("height", 60))
          .put("ear", new JsonObject().put("left", 0.3).put("right", 0.3)).put("yaw", 0).put("pitch", 0)
          .put("quality", 0.9).put("landmarks", new JsonArray().add(1)))),
    };
    for (JsonObject answer : answers) {
      try (BridgePeer liar = BridgePeer.connect(face.engine().bridge().port())) {
        liar.register(Addresses.FaceEngine.ANALYZE, secret);
        await(face.engine().bridge().awaitWorkers(1));
        liar.serve(body -> answer);

        FrameOutcome outcome = send(session, frame);
        assertThat(outcome.kind()).isEqualTo(FrameOutcome.Kind.REJECTED);
        assertThat(outcome.reason()).isEqualTo("engine_unavailable");
        Throwable stateless = await(sessions.vertx.eventBus().request(Addresses.Face.ANALYZE_FRAME, new AnalyzeFrame(frame))
          .map(reply -> (Throwable) null).otherwise(failure -> failure));
        assertThat(ServiceFailure.codeOf(stateless)).isEqualTo(FailureCode.UNAVAILABLE);
      }
    }
    FrameOutcome bad = send(session, "not an image at all".getBytes());
    assertThat(bad.reason()).isEqualTo("invalid_frame");
  }
}
