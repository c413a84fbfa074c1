package io.gatehouse.face;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.auth.ApiClientKeys;
import io.gatehouse.contract.auth.ClientSecretRequest;
import io.gatehouse.contract.face.CloseFaceSession;
import io.gatehouse.contract.face.FaceSessionOpened;
import io.gatehouse.contract.face.FrameOutcome;
import io.gatehouse.contract.face.FrameOutcome.Kind;
import io.gatehouse.contract.face.OpenFaceSession;
import io.gatehouse.contract.face.SessionFrame;
import io.gatehouse.contract.face.SessionType;
import io.gatehouse.face.engine.FaceEngine;
import io.gatehouse.face.engine.FrameAnalyzer;
import io.gatehouse.face.engine.FaceTemplate;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sessions this node owns: each claimed session gets a consumer on {@link Addresses.Face#session} and
 * handles its frames one at a time (analysis on workers), then stores or matches and seals the result.
 */
final class LiveSessions {

  private record Owned(FaceSession session, MessageConsumer<Object> consumer) {
  }

  private final EventBus bus;
  private final FrameAnalyzer analyzer;
  private final SessionStore store;
  private final EnrollmentStore enrollments;
  private final TemplateVault vault;
  private final FaceOptions options;
  private final Map<String, Owned> owned = new HashMap<>();
  private final Map<String, Future<?>> tails = new HashMap<>();

  LiveSessions(EventBus bus, FrameAnalyzer analyzer, SessionStore store, EnrollmentStore enrollments, TemplateVault vault,
               FaceOptions options) {
    this.bus = bus;
    this.analyzer = analyzer;
    this.store = store;
    this.enrollments = enrollments;
    this.vault = vault;
    this.options = options;
  }

  Future<FaceSessionOpened> open(OpenFaceSession request) {
    return store.claim(request.sessionToken()).compose(spec -> {
      FaceSession session = new FaceSession(spec, options, System.currentTimeMillis());
      MessageConsumer<Object> consumer = bus.consumer(Addresses.Face.session(spec.id()), message -> handle(session, message));
      owned.put(spec.id(), new Owned(session, consumer));
      return consumer.completion().map(v -> new FaceSessionOpened(spec.id(), spec.type(), spec.target()));
    });
  }

  private void handle(FaceSession session, Message<Object> message) {
    String id = session.spec().id();
    if (message.body() instanceof CloseFaceSession) {
      close(id, "closed");
      message.reply(new JsonObject());
      return;
    }
    if (!(message.body() instanceof SessionFrame frame)) {
      message.fail(FailureCode.BAD_REQUEST.value(), "invalid_request");
      return;
    }
    // One frame at a time per session, in arrival order.
    Future<FrameOutcome> result = tails.getOrDefault(id, Future.succeededFuture())
      .eventually(() -> Future.succeededFuture())
      .compose(previous -> frame(session, frame));
    tails.put(id, result);
    result.onSuccess(message::reply).onFailure(failure -> ServiceFailure.replyFailure(message, failure));
  }

  private Future<FrameOutcome> frame(FaceSession session, SessionFrame frame) {
    if (session.finished()) {
      return ServiceFailure.fail(FailureCode.BAD_REQUEST, "session_finished");
    }
    return analyzer.analyze(frame.image(), session.wantsTemplate(), session.wantsEyes())
      .compose(result -> step(session, result), failure -> switch (String.valueOf(ServiceFailure.reasonOf(failure))) {
        case "invalid_frame" -> Future.succeededFuture(session.outcome(Kind.REJECTED, "invalid_frame",
          "Invalid image data"));
        // the frame is not counted; the session goes on with the next one
        case "engine_unavailable" -> Future.succeededFuture(session.outcome(Kind.REJECTED, "engine_unavailable",
          "Face engine busy or unavailable, please send the frame again"));
        default -> Future.failedFuture(failure);
      });
  }

  private Future<FrameOutcome> step(FaceSession session, FaceEngine.Result result) {
    FrameOutcome rejected = session.reject(result, System.currentTimeMillis());
    if (rejected != null) {
      return Future.succeededFuture(rejected);
    }
    return sameFace(session, result).compose(same -> switch (session.accept(result, same)) {
      case CONTINUE -> Future.succeededFuture(session.outcome(Kind.PROGRESS, null, "Continue capturing frames"));
      case LIVENESS_FAILED -> done(session, "failed", session.outcome(Kind.LIVENESS_FAILED, "liveness_failed",
        "Liveness check failed: blink and move your head"));
      case IDENTITY_CHANGED -> done(session, "failed", session.outcome(Kind.LIVENESS_FAILED, "identity_changed",
        "Liveness check failed: a different face appeared during the session"));
      case COMPLETE -> session.spec().type() == SessionType.ENROLLMENT ? enroll(session) : authenticate(session);
    });
  }

  /** Whether a checked frame shows the person of the session's samples: within the match threshold of one of them. */
  private Future<Boolean> sameFace(FaceSession session, FaceEngine.Result result) {
    if (!session.checksIdentity(result)) {
      return Future.succeededFuture(true);
    }
    List<FaceTemplate> samples = session.samples();
    double threshold = analyzer.matchThreshold();
    return analyzer.compare(distance -> samples.stream()
      .anyMatch(sample -> distance.between(result.template(), sample) <= threshold));
  }

  private Future<FrameOutcome> enroll(FaceSession session) {
    SessionSpec spec = session.spec();
    return analyzer.compare(distance -> vault.seal(spec.clientId(), spec.enrollmentId(), session.samples()))
      .compose(sealed -> enrollments.save(spec.clientId(), spec.userId(), spec.enrollmentId(), sealed))
      .compose(v -> seal(spec, spec.enrollmentId(), null))
      .compose(payload -> done(session, "completed", session.outcome(Kind.ENROLLED, null,
        "Enrollment completed successfully", spec.enrollmentId(), 0, payload)));
  }

  private Future<FrameOutcome> authenticate(FaceSession session) {
    SessionSpec spec = session.spec();
    List<FaceTemplate> probes = session.samples();
    return enrollments.load(spec.clientId(), spec.userId())
      .compose(stored -> analyzer.compare(distance -> {
        Map<String, List<FaceTemplate>> byUser = new LinkedHashMap<>();
        stored.forEach(one -> byUser.put(one.userId(), vault.open(spec.clientId(), one.enrollmentId(), one.templates())));
        return Matcher.best(distance, probes, byUser, analyzer.matchThreshold());
      }))
      .compose(match -> !match.accepted()
        ? done(session, "failed", session.outcome(Kind.NOT_AUTHENTICATED, "not_matched", "Authentication failed",
          null, match.confidence(), null))
        : seal(spec, match.userId(), match.confidence()).compose(payload -> done(session, "completed",
          session.outcome(Kind.AUTHENTICATED, null, "Authentication successful", match.userId(), match.confidence(),
            payload))));
  }

  /** Seed 002's payload, encrypted to the tenant's secret_key fetched from user-auth. */
  private Future<String> seal(SessionSpec spec, String id, Double confidence) {
    JsonObject payload = new JsonObject().put("id", id).put("timestamp", Instant.now().toString())
      .put("session_type", spec.type().wireName()).put("session_token", spec.sessionToken());
    if (confidence != null) {
      payload.put("confidence", Math.round(confidence * 100) / 100.0);
    }
    return bus.<ApiClientKeys>request(Addresses.Auth.CLIENT_SECRET, new ClientSecretRequest(spec.clientId()))
      .map(reply -> ResultSealer.seal(payload, reply.body().secretKey()));
  }

  private Future<FrameOutcome> done(FaceSession session, String status, FrameOutcome outcome) {
    session.finish();
    return store.finish(session.spec().id(), status).map(v -> outcome);
  }

  /** Drops sessions whose socket went quiet for longer than the idle limit (their gateway may be gone). */
  void sweep(long now) {
    owned.values().stream().filter(o -> o.session().idleSince(now, options.sessionIdleMs() * 2))
      .map(o -> o.session().spec().id()).toList()
      .forEach(id -> close(id, "closed"));
  }

  private Future<Void> close(String id, String status) {
    Owned gone = owned.remove(id);
    tails.remove(id);
    if (gone == null) {
      return Future.succeededFuture();
    }
    return gone.consumer().unregister().eventually(() -> store.finish(id, status));
  }

  Future<?> closeAll() {
    return Future.join(owned.keySet().stream().toList().stream().map(id -> close(id, "closed")).toList());
  }
}
