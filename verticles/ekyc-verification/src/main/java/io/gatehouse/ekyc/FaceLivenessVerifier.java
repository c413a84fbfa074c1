package io.gatehouse.ekyc;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.face.EyeBlinks;
import io.gatehouse.contract.face.FrameAnalysis;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * {@code face-liveness-verifier}: frames are base64 images analysed by the face engine. Step
 * {@code liveness_check} passes on a blink: the eye score falling and rising again relative to the person's own
 * open-eye level over the step's frames ({@link EyeBlinks}, the rule of face sessions); then {@code turn_left} (yaw at most
 * -turnYaw, towards the image's left) and {@code turn_right} (yaw at least turnYaw), each reached by a turn of at
 * least turnYaw through frames whose yaw moves by at most turnStepLimit from one to the next (so neither a turned
 * photo nor a photo and its mirror image pass); then END, which marks the user verified. Blank, oversized or undecodable frames get ERROR {@code invalid_frame}.
 * One face throughout ({@link IdentityCheck}): a frame whose face is not the first accepted frame's gets ERROR
 * {@code identity_changed}, counts for nothing and breaks a head turn in progress.
 */
final class FaceLivenessVerifier implements Verifier {

  static final String ID = "face-liveness-verifier";
  static final String LIVENESS_CHECK = "liveness_check";
  static final String TURN_LEFT = "turn_left";
  static final String TURN_RIGHT = "turn_right";
  private static final String LAST_YAW = "lastYaw";
  private static final String RUN_MIN_YAW = "runMinYaw";
  private static final String RUN_MAX_YAW = "runMaxYaw";
  private static final JsonArray RETRYABLE = new JsonArray().add("invalid_frame").add("face_not_found");

  /** The face engine: analyses one image, with the face's descriptor when {@code descriptor} and the engine makes them. */
  interface Analyzer {
    Future<FrameAnalysis> analyze(byte[] image, boolean descriptor);
  }

  private final Analyzer analyzer;
  private final EkycOptions options;
  private final IdentityCheck identity;

  FaceLivenessVerifier(Analyzer analyzer, EkycOptions options) {
    this(analyzer, options, new SecureRandom());
  }

  /** With a given source for the random identity checks (tests). */
  FaceLivenessVerifier(Analyzer analyzer, EkycOptions options, RandomGenerator random) {
    this.analyzer = analyzer;
    this.options = options;
    this.identity = new IdentityCheck(random, options.identityCheckEvery(), options.descriptorThreshold());
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public JsonObject summary() {
    return Verifier.summary(ID, "Face liveness", "Blink, then turn your head left and right", 180);
  }

  @Override
  public JsonObject metadata() {
    return summary()
      .put("steps", new JsonArray().add(step(LIVENESS_CHECK)).add(step(TURN_LEFT)).add(step(TURN_RIGHT)).add(step(END)))
      .put("messages", new JsonArray().add("blink").add("turn_left").add("turn_right").add("face_not_found")
        .add("multiple_faces").add(IdentityCheck.IDENTITY_CHANGED));
  }

  @Override
  public boolean marksUserVerified() {
    return true;
  }

  @Override
  public Future<Outcome> process(JsonObject progress, FrameBatch batch) {
    String phase = progress.getString("phase", LIVENESS_CHECK);
    if (START.equals(batch.stepCode())) {
      return Future.succeededFuture(Outcome.of(List.of(Event.step(step(phase))), progress));
    }
    if (!batch.stepCode().equals(phase) || END.equals(phase)) {
      return Future.succeededFuture(Outcome.of(List.of(Event.error("invalid_step_code")), progress));
    }
    JsonObject state = progress.copy().put("phase", phase);
    List<Event> events = new ArrayList<>();
    Future<Boolean> chain = Future.succeededFuture(true);
    for (FrameBatch.Frame frame : batch.frames()) {
      chain = chain.compose(goOn -> goOn ? analyse(frame, state, events) : Future.succeededFuture(false));
    }
    return chain.map(done -> END.equals(state.getString("phase"))
      ? new Outcome(events, state, VerificationStates.COMPLETED, new JsonArray().add("liveness"))
      : Outcome.of(events, state));
  }

  /** One frame; false stops the batch (an error, or the step machine reached END). */
  private Future<Boolean> analyse(FrameBatch.Frame frame, JsonObject state, List<Event> events) {
    byte[] image = decode(frame.frame());
    if (image == null) {
      events.add(Event.error("invalid_frame"));
      return Future.succeededFuture(false);
    }
    return analyzer.analyze(image, identity.describeNext(state))
      .compose(analysis -> advance(image, analysis, state, events)).recover(failure -> {
      boolean badFrame = ServiceFailure.codeOf(failure) == FailureCode.BAD_REQUEST;
      events.add(Event.error(badFrame ? "invalid_frame" : "verifier_unavailable"));
      return Future.succeededFuture(false);
    });
  }

  /**
   * Judges a frame on a copy of the state, kept only when the face is the reference one. A frame that completes a
   * step is compared even when it was not described at random: it is analysed again with a descriptor.
   */
  private Future<Boolean> advance(byte[] image, FrameAnalysis analysis, JsonObject state, List<Event> events) {
    if (analysis.faces() != 1) {
      return Future.succeededFuture(noSingleFace(analysis, state, events));
    }
    JsonObject trial = state.copy();
    String next = nextPhase(analysis, trial);
    Future<FrameAnalysis> described = next == null || analysis.descriptor() != null
      ? Future.succeededFuture(analysis) : analyzer.analyze(image, true);
    return described.map(checked -> {
      if (checked.faces() != 1) {
        return noSingleFace(checked, state, events);
      }
      if (!identity.sameFace(checked, trial)) {
        state.remove(LAST_YAW);
        events.add(Event.error(IdentityCheck.IDENTITY_CHANGED));
        return false;
      }
      state.clear().mergeIn(trial);
      return announce(state.getString("phase"), next, state, events);
    });
  }

  /** A frame without exactly one face: a prompt to show one, and any head turn starts again. */
  private static boolean noSingleFace(FrameAnalysis analysis, JsonObject state, List<Event> events) {
    state.remove(LAST_YAW);
    events.add(Event.feedback("MESSAGE", analysis.faces() == 0 ? "face_not_found" : "multiple_faces"));
    return true;
  }

  /** The phase a frame moves the verification on to, or null; follows the turn and the eyes in {@code state}. */
  private String nextPhase(FrameAnalysis analysis, JsonObject state) {
    followTurn(analysis.yaw(), state);
    return switch (state.getString("phase")) {
      case LIVENESS_CHECK -> blinked(analysis, state) ? TURN_LEFT : null;
      case TURN_LEFT -> turned(analysis.yaw(), state, -1) ? TURN_RIGHT : null;
      case TURN_RIGHT -> turned(analysis.yaw(), state, 1) ? END : null;
      default -> null;
    };
  }

  private static boolean announce(String phase, String next, JsonObject state, List<Event> events) {
    if (next == null) {
      events.add(Event.feedback("MESSAGE", LIVENESS_CHECK.equals(phase) ? "blink" : phase));
      return true;
    }
    state.put("phase", next);
    events.add(Event.step(step(next)));
    return !END.equals(next);
  }

  /**
   * Keeps the run of frames whose yaw moved by at most {@code turnStepLimit} from one to the next: its first, lowest
   * and highest yaw. A frame without exactly one face, or a larger jump, starts a new run.
   */
  private void followTurn(double yaw, JsonObject state) {
    Double last = state.getDouble(LAST_YAW);
    if (last == null || Math.abs(yaw - last) > options.turnStepLimit()) {
      state.put(RUN_MIN_YAW, yaw).put(RUN_MAX_YAW, yaw);
    }
    state.put(LAST_YAW, yaw).put(RUN_MIN_YAW, Math.min(yaw, state.getDouble(RUN_MIN_YAW)))
      .put(RUN_MAX_YAW, Math.max(yaw, state.getDouble(RUN_MAX_YAW)));
  }

  /**
   * A turn towards {@code side} (-1: the image's left, 1: its right): the yaw beyond {@code turnYaw} on that side,
   * reached within the current run from a yaw at least {@code turnYaw} away. A head turns through the poses in
   * between; a photo does not turn at all, and a photo followed by its mirror image jumps.
   */
  private boolean turned(double yaw, JsonObject state, int side) {
    double from = side < 0 ? state.getDouble(RUN_MAX_YAW) : state.getDouble(RUN_MIN_YAW);
    return side * yaw >= options.turnYaw() && side * (yaw - from) >= options.turnYaw();
  }

  private static boolean blinked(FrameAnalysis analysis, JsonObject state) {
    EyeBlinks eyes = new EyeBlinks(state.getDouble("eyeOpenLevel", 0.0), state.getBoolean("eyesClosed", false), 0)
      .next(analysis.eyeScore());
    state.put("eyeOpenLevel", eyes.openLevel()).put("eyesClosed", eyes.closed());
    return eyes.blinks() > 0;
  }

  /** The image bytes, or null when blank, not base64 or too large; a {@code data:...;base64,} prefix is allowed. */
  private byte[] decode(String frame) {
    if (frame == null || frame.isBlank()) {
      return null;
    }
    int comma = frame.startsWith("data:") ? frame.indexOf(',') : -1;
    String data = comma >= 0 ? frame.substring(comma + 1) : frame;
    if ((long) data.length() * 3 / 4 > options.maxFrameBytes()) {
      return null;
    }
    try {
      byte[] image = Base64.getDecoder().decode(data.replaceAll("\\s", ""));
      return image.length == 0 ? null : image;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static JsonObject step(String code) {
    return END.equals(code)
      ? Verifier.step(END, 0, 0, 0, false, new JsonArray())
      : Verifier.step(code, 2, 30, LIVENESS_CHECK.equals(code) ? 2 : 0, true, RETRYABLE.copy());
  }
}
