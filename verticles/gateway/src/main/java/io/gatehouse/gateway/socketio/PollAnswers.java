package io.gatehouse.gateway.socketio;

import io.gatehouse.contract.gateway.PollAnswer;
import io.vertx.core.json.JsonObject;

/** The HTTP answers of the Engine.IO polling transport, including its JSON error bodies. */
final class PollAnswers {

  static final String TEXT = "text/plain; charset=UTF-8";
  static final PollAnswer OK = new PollAnswer(200, "text/html", "ok");

  private PollAnswers() {
  }

  static PollAnswer payload(String body) {
    return new PollAnswer(200, TEXT, body);
  }

  /** Engine.IO's error codes: 0 transport unknown, 1 session id unknown, 2 bad handshake method, 3 bad request, 4 forbidden, 5 unsupported protocol version. */
  static PollAnswer error(int code, String message) {
    return new PollAnswer(code == 4 ? 403 : 400, "application/json",
      new JsonObject().put("code", code).put("message", message).encode());
  }

  static PollAnswer tooLarge() {
    return new PollAnswer(413, "application/json",
      new JsonObject().put("code", 3).put("message", "Payload too large").encode());
  }
}
