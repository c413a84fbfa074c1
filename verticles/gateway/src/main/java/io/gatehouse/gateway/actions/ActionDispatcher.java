package io.gatehouse.gateway.actions;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * Runs the actions of an authenticated connection (PROTOCOLS §1): the registered handler after its schema
 * check, then the reply with the request's {@code id}, or the failure mapped by {@link ActionErrors}.
 */
final class ActionDispatcher {

  private final Map<String, Action> actions;

  ActionDispatcher(Map<String, Action> actions) {
    this.actions = Map.copyOf(actions);
  }

  void dispatch(ActionSession session, String action, JsonObject request, Object id) {
    Action registered = actions.get(action);
    if (registered == null) {
      session.send(ActionSession.withId(ActionErrors.error(action, "invalid_request", "Unknown Action"), id));
      return;
    }
    var problem = registered.schema().problem(request);
    if (problem.isPresent()) {
      session.send(ActionSession.withId(ActionErrors.error(action, "invalid_request", problem.get()), id));
      return;
    }
    Future<JsonObject> result;
    try {
      result = registered.handler().handle(session, request);
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result
      .onSuccess(fields -> session.send(ActionSession.withId(
        new JsonObject().put("action", action).put("success", true).mergeIn(fields), id)))
      .onFailure(failure -> session.send(ActionSession.withId(
        ActionErrors.fromFailure(action, failure, session.connectionId()), id)));
  }
}
