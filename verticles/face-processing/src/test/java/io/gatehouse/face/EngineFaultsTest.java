package io.gatehouse.face;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.face.FrameOutcome;
import io.gatehouse.face.engine.FaceEngine;
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

import java.util.List;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The polyglot engine under faults, on face-processing with two real supervised workers: a worker killed while
 * a session sends frames, and hand-written bridge peers that answer garbage.
 */
@DisplayName("face-processing survives failing engine workers")
class EngineFaultsTest {

  private static BusSessions sessions;
  private static FaceProcessingVerticle face;
  private static String secret;
  private static int bridgePort;
  private static byte[] frame;

  @BeforeAll
  static void deploy() {
    JsonObject faceSection = EngineTestKit.faceSection(2).put("engineTimeoutMs", 10_000).put("engineAttempts", 3)
      .put("engineRestartDelayMs", 200);
    sessions = new BusSessions("facefaults", faceSection);
    face = sessions.face;
    await(face.engine().bridge().awaitWorkers(2));
    secret = EngineTestKit.secret(faceSection);
    bridgePort = face.engine().bridge().port();
    frame = FaceFixtures.faceApiSample(3, 0).frame(170, 0, 0, false);
  }

  @AfterAll
  static void close() {
    sessions.close();
  }

  private static <T> T await(Future<T> future) {
    return BusSessions.await(future);
  }

  private static Future<FrameOutcome> send(String sessionId) {
    return sessions.send(sessionId, frame);
  }

  @Test
  @DisplayName("a worker killed while frames are in flight: every frame is still answered, the session goes on, "
    + "and the node starts a new worker")
  void killedWorkerMidSession() throws Exception {
    String session = sessions.openEnrollment("uma", 20);
    assertThat(await(send(session)).kind()).isEqualTo(FrameOutcome.Kind.PROGRESS);
    int restartsBefore = face.engine().processes().restarts();
    long victim = face.engine().processes().pids().get(0);

    List<Future<FrameOutcome>> inFlight = List.of(send(session), send(session), send(session));
    ProcessHandle.of(victim).ifPresent(ProcessHandle::destroyForcibly);
    List<FrameOutcome> outcomes = await(Future.all(inFlight)).list();

    assertThat(outcomes).extracting(FrameOutcome::kind).containsOnly(FrameOutcome.Kind.PROGRESS);
    assertThat(await(send(session)).framesProcessed()).isEqualTo(5);
    await(face.engine().bridge().awaitWorkers(2));
    assertThat(face.engine().processes().restarts()).isGreaterThan(restartsBefore);
    assertThat(face.engine().processes().pids()).doesNotContain(victim).hasSize(2);
  }

  @Test
  @DisplayName("garbage from a worker costs an attempt: never a crash, the frame goes to another worker or gets "
    + "the engine_unavailable error")
  void garbageRepliesAreContained() throws Exception {
    List<Function<JsonObject, Object>> garbage = List.of(
      body -> "not an object",
      body -> new JsonObject().put("width", 640).put("height", 480).put("faces", "many"),
      body -> new JsonObject().put("width", 640).put("height", 480).put("faces", new JsonArray()
        .add(new JsonObject().put("box", new JsonObject().put("x", 1).put("y", 1).put("width", -5).put("height", 9)))),
      body -> new JsonObject().put("width", "wide"));
    for (Function<JsonObject, Object> answer : garbage) {
      try (BridgePeer liar = BridgePeer.connect(bridgePort)) {
        liar.register(Addresses.FaceEngine.ANALYZE, secret);
        await(face.engine().bridge().awaitWorkers(3));
        liar.serve(answer);

        // three workers take turns; with three attempts every frame meets a real worker at least once
        for (int i = 0; i < 3; i++) {
          FaceEngine.Result result = await(face.engine().analyzer().analyze(frame, true));
          assertThat(result.analysis().faces()).isEqualTo(1);
          assertThat(result.template().features()).hasSize(128);
        }
      }
    }
  }
}
