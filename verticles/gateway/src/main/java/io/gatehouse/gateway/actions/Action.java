package io.gatehouse.gateway.actions;

import io.gatehouse.gateway.RequestSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

/** A registered action: its request schema, checked first, and its handler. */
record Action(RequestSchema schema, Handler handler) {

  /** Returns the fields of a success reply beyond {@code action} and {@code success}. */
  @FunctionalInterface
  interface Handler {
    Future<JsonObject> handle(ActionSession session, JsonObject request);
  }
}
