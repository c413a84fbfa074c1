package io.gatehouse.face;

import io.gatehouse.operations.GatehouseMetrics;
import io.gatehouse.contract.Addresses.Face;
import io.gatehouse.contract.Codecs;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.Services;
import io.gatehouse.contract.edge.EdgeOptions;
import io.gatehouse.contract.face.AnalyzeFrame;
import io.gatehouse.contract.face.CreateFaceSession;
import io.gatehouse.contract.face.FaceDescriptors;
import io.gatehouse.contract.face.FrameAnalysis;
import io.gatehouse.contract.face.OpenFaceSession;
import io.gatehouse.contract.face.SessionType;
import io.gatehouse.face.engine.FaceEngine;
import io.gatehouse.face.engine.FaceTemplate;
import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.Databases;
import io.gatehouse.persistence.ExpirySweep;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * face-processing: stateless frame analysis for anyone ({@link Face#ANALYZE_FRAME}), face session creation
 * and claiming, and the live state of the sessions claimed here ({@link LiveSessions}). Frames are analysed by
 * the engine of {@link EngineSetup} (polyglot workers on the bus, or the local fallback); schema {@code face}
 * holds sessions and sealed enrollments.
 */
public class FaceProcessingVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(FaceProcessingVerticle.class);

  private Pool pool;
  private EngineSetup engine;
  private LiveSessions live;
  private long sweepTimer = -1;
  private ExpirySweep expiry;

  @Override
  public Future<?> start() {
    Codecs.register(vertx);
    FaceOptions options = FaceOptions.from(config());
    return Future.all(
        Databases.open(vertx, DatabaseOptions.from(config()), "face"),
        vertx.executeBlocking(() -> TemplateVault.loadOrCreate(options.keyDir())),
        EngineSetup.start(vertx, options, EdgeOptions.from(config())).onSuccess(started -> engine = started))
      .compose(ready -> {
        pool = ready.resultAt(0);
        SessionStore sessions = new SessionStore(pool, options.sessionTtlMs());
        live = new LiveSessions(vertx.eventBus(), engine.analyzer(), sessions, new EnrollmentStore(pool),
          ready.resultAt(1), options);
        sweepTimer = vertx.setPeriodic(Math.max(1_000, options.sessionIdleMs() / 4),
          id -> live.sweep(System.currentTimeMillis()));
        expiry = ExpirySweep.start(vertx, pool, "face", config().getJsonObject("face", new JsonObject()),
          List.of("DELETE FROM face.sessions WHERE expires_at < now() - $1 * interval '1 second'"));
        return serve(sessions);
      })
      .onSuccess(v -> LOG.info("face-processing ready (engine {})", engine.health().encode()));
  }

  private Future<?> serve(SessionStore sessions) {
    return Future.all(List.of(
      Services.<AnalyzeFrame>serve(vertx.eventBus(), Face.ANALYZE_FRAME, this::analyze),
      Services.<CreateFaceSession>serve(vertx.eventBus(), Face.CREATE_SESSION, request -> create(sessions, request)),
      Services.<OpenFaceSession>serve(vertx.eventBus(), Face.OPEN_SESSION, live::open),
      Services.<Object>serve(vertx.eventBus(), Face.HEALTH, ping -> sessions.ping()
        .map(v -> new JsonObject().put("status", "UP").put("engine", engine.health()))
        .recover(failure -> ServiceFailure.fail(FailureCode.UNAVAILABLE, "database_unavailable")))));
  }

  private Future<FrameAnalysis> analyze(AnalyzeFrame request) {
    long started = System.nanoTime();
    return engine.analyzer().analyze(request.image(), request.descriptor()).map(FaceProcessingVerticle::described)
      .onSuccess(analysis -> GatehouseMetrics.faceFrame(System.nanoTime() - started));
  }

  /** The analysis, with the face's descriptor when the engine made one (the local engine's templates are no descriptors). */
  private static FrameAnalysis described(FaceEngine.Result result) {
    FaceTemplate template = result.template();
    return template == null || template.features().length != FaceDescriptors.LENGTH ? result.analysis()
      : result.analysis().withDescriptor(template.features());
  }

  /** The engine this verticle runs on (its local worker processes, for fault tests). */
  EngineSetup engine() {
    return engine;
  }

  private static Future<?> create(SessionStore sessions, CreateFaceSession request) {
    if (request.clientId() == null || request.type() == null) {
      return ServiceFailure.fail(FailureCode.BAD_REQUEST, "invalid_request");
    }
    if (request.type() == SessionType.ENROLLMENT && (request.userId() == null || request.userId().isBlank())) {
      return ServiceFailure.fail(FailureCode.BAD_REQUEST, "user_id_required");
    }
    if (request.target() < 1 || request.requiredBlinks() < 0) {
      return ServiceFailure.fail(FailureCode.BAD_REQUEST, "invalid_target");
    }
    return sessions.create(request);
  }

  @Override
  public Future<?> stop() {
    vertx.cancelTimer(sweepTimer);
    if (expiry != null) {
      expiry.stop();
    }
    Future<?> sessions = live == null ? Future.succeededFuture() : live.closeAll();
    return sessions.eventually(() -> engine == null ? Future.succeededFuture() : engine.close())
      .eventually(() -> pool == null ? Future.succeededFuture() : pool.close());
  }
}
