package io.gatehouse.face;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.face.CreateFaceSession;
import io.gatehouse.contract.face.FaceSessionOpened;
import io.gatehouse.contract.face.FaceSessionTicket;
import io.gatehouse.contract.face.FrameOutcome;
import io.gatehouse.contract.face.OpenFaceSession;
import io.gatehouse.contract.face.SessionFrame;
import io.gatehouse.contract.face.SessionType;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** face-processing deployed alone with a given {@code face} section, driven over the bus as the gateway would. */
final class BusSessions implements AutoCloseable {

  final Vertx vertx = Vertx.vertx();
  final FaceProcessingVerticle face = new FaceProcessingVerticle();

  BusSessions(String name, JsonObject faceSection) {
    try {
      JsonObject config = new JsonObject()
        .put("node", new JsonObject().put("dataDir", Files.createTempDirectory(name).toString()))
        .put("database", TestDatabase.fresh(name).toJson())
        .put("face", faceSection);
      await(vertx.deployVerticle(face, new DeploymentOptions().setConfig(config)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(180, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Creates and claims an enrollment session with {@code target} samples; returns its id. */
  String openEnrollment(String userId, int target) {
    FaceSessionTicket ticket = await(vertx.eventBus().<FaceSessionTicket>request(Addresses.Face.CREATE_SESSION,
      new CreateFaceSession("client-" + userId, SessionType.ENROLLMENT, userId, target, 1, true))).body();
    return await(vertx.eventBus().<FaceSessionOpened>request(Addresses.Face.OPEN_SESSION,
      new OpenFaceSession(ticket.sessionToken()))).body().sessionId();
  }

  /** Creates and claims a 1:1 authentication session of {@code minFrames} frames, liveness asked for; its id. */
  String openAuthentication(String userId, int minFrames) {
    FaceSessionTicket ticket = await(vertx.eventBus().<FaceSessionTicket>request(Addresses.Face.CREATE_SESSION,
      new CreateFaceSession("client-" + userId, SessionType.AUTHENTICATION, userId, minFrames, 1, true))).body();
    return await(vertx.eventBus().<FaceSessionOpened>request(Addresses.Face.OPEN_SESSION,
      new OpenFaceSession(ticket.sessionToken()))).body().sessionId();
  }

  /** Sends frames until the session ends; every outcome, in order. */
  List<FrameOutcome> play(String sessionId, List<byte[]> frames) {
    List<FrameOutcome> outcomes = new ArrayList<>();
    for (byte[] frame : frames) {
      FrameOutcome outcome = await(send(sessionId, frame));
      outcomes.add(outcome);
      if (outcome.finished()) {
        break;
      }
    }
    return outcomes;
  }

  Future<FrameOutcome> send(String sessionId, byte[] image) {
    return vertx.eventBus().<FrameOutcome>request(Addresses.Face.session(sessionId), new SessionFrame(sessionId, image),
      new DeliveryOptions().setSendTimeout(120_000)).map(reply -> reply.body());
  }

  @Override
  public void close() {
    await(vertx.close());
  }
}
