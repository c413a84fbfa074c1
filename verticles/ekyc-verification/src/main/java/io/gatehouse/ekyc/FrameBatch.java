package io.gatehouse.ekyc;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;

/**
 * One SEND body, {@code {"slotId","stepCode","frames":[{"frame","order"}]}}, checked: either the batch or the
 * validation error code that PROTOCOLS §4 publishes ({@code invalid_slot_id}, {@code invalid_step_code},
 * {@code invalid_frame}, {@code invalid_order}). {@code order} may be a number or a numeric string.
 */
public record FrameBatch(String stepCode, List<Frame> frames, String error) {

  /** One frame: base64 image data (possibly empty) and its position in the step. */
  public record Frame(String frame, int order) {
  }

  static FrameBatch invalid(String error) {
    return new FrameBatch(null, List.of(), error);
  }

  public boolean valid() {
    return error == null;
  }

  public static FrameBatch parse(String body, String slotId, int maxFrames) {
    JsonObject json;
    try {
      json = body == null ? null : new JsonObject(body);
    } catch (DecodeException | ClassCastException e) {
      json = null;
    }
    if (json == null) {
      return invalid("invalid_request");
    }
    if (!slotId.equals(json.getValue("slotId"))) {
      return invalid("invalid_slot_id");
    }
    if (!(json.getValue("stepCode") instanceof String step) || step.isBlank()) {
      return invalid("invalid_step_code");
    }
    Object rawFrames = json.getValue("frames");
    if (rawFrames != null && !(rawFrames instanceof JsonArray)) {
      return invalid("invalid_frame");
    }
    JsonArray array = rawFrames == null ? new JsonArray() : (JsonArray) rawFrames;
    if (array.size() > maxFrames) {
      return invalid("invalid_frame");
    }
    List<Frame> frames = new ArrayList<>(array.size());
    for (Object entry : array) {
      if (!(entry instanceof JsonObject frame) || !(frame.getValue("frame", "") instanceof String data)) {
        return invalid("invalid_frame");
      }
      Integer order = order(frame.getValue("order"));
      if (order == null) {
        return invalid("invalid_order");
      }
      frames.add(new Frame(data, order));
    }
    return new FrameBatch(step, frames, null);
  }

  private static Integer order(Object raw) {
    if (raw instanceof Integer || raw instanceof Long) {
      long value = ((Number) raw).longValue();
      return value >= 0 && value <= Integer.MAX_VALUE ? (int) value : null;
    }
    if (raw instanceof String text && text.matches("[0-9]{1,9}")) {
      return Integer.parseInt(text);
    }
    return null;
  }
}
