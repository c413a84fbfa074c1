package io.gatehouse.ekyc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code mock-identity-verifier}: the story of the public mock seed 000 was written against. START announces
 * {@code liveness_check}; in that step frame order 1 answers {@code turn_left}, order 2 {@code turn_right},
 * order 5 announces END and completes with verified claims fullName and phone. Frames are not looked at.
 */
final class MockIdentityVerifier implements Verifier {

  static final String ID = "mock-identity-verifier";
  static final String LIVENESS_CHECK = "liveness_check";
  private static final JsonObject LIVENESS_STEP = Verifier.step(LIVENESS_CHECK, 1, 100, 2, false, new JsonArray());
  private static final JsonObject END_STEP = Verifier.step(END, 0, 0, 0, false, new JsonArray());
  private static final JsonArray CLAIMS = new JsonArray().add("fullName").add("phone");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public JsonObject summary() {
    return Verifier.summary(ID, "Mock identity verifier", "Plays a fixed liveness story; does not look at frames", 120);
  }

  @Override
  public JsonObject metadata() {
    return summary()
      .put("steps", new JsonArray().add(LIVENESS_STEP.copy()).add(END_STEP.copy()))
      .put("messages", new JsonArray().add("turn_left").add("turn_right"));
  }

  @Override
  public boolean marksUserVerified() {
    return false;
  }

  @Override
  public Future<Outcome> process(JsonObject progress, FrameBatch batch) {
    boolean ended = progress.getBoolean("ended", false);
    List<Event> events = new ArrayList<>();
    switch (batch.stepCode()) {
      case START -> events.add(Event.step(LIVENESS_STEP.copy()));
      case END -> {
        if (!ended) {
          events.add(Event.error("invalid_step_code"));
        }
      }
      case LIVENESS_CHECK -> {
        for (FrameBatch.Frame frame : batch.frames()) {
          switch (frame.order()) {
            case 1 -> events.add(Event.feedback("MESSAGE", "turn_left"));
            case 2 -> events.add(Event.feedback("MESSAGE", "turn_right"));
            case 5 -> {
              events.add(Event.step(END_STEP.copy()));
              return Future.succeededFuture(new Outcome(events, progress.copy().put("ended", true),
                VerificationStates.COMPLETED, CLAIMS.copy()));
            }
            default -> {
              // the mock stays silent on every other frame
            }
          }
        }
      }
      default -> events.add(Event.error("invalid_step_code"));
    }
    return Future.succeededFuture(Outcome.of(events, progress));
  }
}
