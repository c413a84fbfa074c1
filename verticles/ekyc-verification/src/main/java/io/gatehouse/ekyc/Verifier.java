package io.gatehouse.ekyc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * An identity verifier: a step machine over the frames of one slot. Its state ({@code progress}) lives in
 * the slot's row, so any node can continue a verification; a verifier itself holds no per-slot state.
 */
public interface Verifier {

  /** Step code a client sends first. */
  String START = "START";
  /** Step code of the last step; reaching it completes the verification. */
  String END = "END";

  String id();

  /** The public entry in the initiate reply: id, displayName, description, processType, ... */
  JsonObject summary();

  /** Everything a client may need: the summary plus steps and messages. */
  JsonObject metadata();

  /** Whether COMPLETED must also mark the user's profile verified in user-auth. */
  boolean marksUserVerified();

  Future<Outcome> process(JsonObject progress, FrameBatch batch);

  /** A step to announce ({@code step}) or a feedback ({@code feedback}); exactly one is set. */
  record Event(JsonObject step, JsonObject feedback) {

    public static Event step(JsonObject step) {
      return new Event(step, null);
    }

    public static Event feedback(String type, String code) {
      return new Event(null, new JsonObject().put("type", type).put("code", code));
    }

    public static Event error(String code) {
      return feedback("ERROR", code);
    }

    public boolean isError() {
      return feedback != null && "ERROR".equals(feedback.getString("type"));
    }
  }

  /** What one SEND produced: events in order, the new progress, and the new status (null: unchanged). */
  record Outcome(List<Event> events, JsonObject progress, String status, JsonArray claims) {

    public static Outcome of(List<Event> events, JsonObject progress) {
      return new Outcome(events, progress, null, null);
    }
  }

  /** A step description as PROTOCOLS §4 publishes it. */
  static JsonObject step(String code, int framesPerSecond, int durationInSeconds, int startupDelayInSeconds,
                         boolean retryOnTimeout, JsonArray retryableErrorCodes) {
    return new JsonObject()
      .put("code", code)
      .put("framesPerSecond", framesPerSecond)
      .put("durationInSeconds", durationInSeconds)
      .put("startupDelayInSeconds", startupDelayInSeconds)
      .put("retryOnTimeout", retryOnTimeout)
      .put("retryableErrorCodes", retryableErrorCodes);
  }

  /** The verifier entry of PROTOCOLS §4: a VIDEO process that may be retried and does not resume. */
  static JsonObject summary(String id, String displayName, String description, int processDurationSeconds) {
    return new JsonObject()
      .put("id", id)
      .put("displayName", new JsonObject().put("eng", displayName))
      .put("description", new JsonObject().put("eng", description))
      .put("processType", "VIDEO")
      .put("active", true)
      .put("retryOnFailure", true)
      .put("resumeOnSuccess", false)
      .put("processDuration", processDurationSeconds);
  }
}
