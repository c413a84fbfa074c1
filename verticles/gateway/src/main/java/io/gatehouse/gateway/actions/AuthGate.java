package io.gatehouse.gateway.actions;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.auth.Principal;
import io.gatehouse.contract.auth.VerifyToken;
import io.vertx.core.json.JsonObject;

/**
 * The first step of an action-protocol connection: a token, in the path ({@code /ws/<jwt>}) or in an
 * {@code auth} message within {@code gateway.authTimeoutMs}, verified by user-auth. A bad token closes the
 * connection with 4401; a token that could not be checked (user-auth unavailable) with 1013, to be retried.
 * While a token is being verified the socket is not read, so requests a client sends right behind its token
 * (a path token and then at once a request, or a pipelined {@code auth} and request) wait for the answer
 * instead of being refused as unauthenticated.
 */
final class AuthGate {

  static final short CLOSE_UNAUTHORIZED = 4401;

  private final ActionSession session;
  private final ActionHub hub;
  private long timer = -1;
  private boolean verifying;

  AuthGate(ActionSession session, ActionHub hub) {
    this.session = session;
    this.hub = hub;
  }

  /** {@code pathToken}: the JWT of the path, or null to wait for an auth message. */
  void start(String pathToken) {
    if (pathToken != null) {
      verify(null, pathToken);
      return;
    }
    timer = hub.vertx.setTimer(hub.options.authTimeoutMs(), id -> {
      timer = -1;
      if (!verifying) {
        refuse(null, "Authentication timeout", "authentication timeout");
      }
    });
  }

  /** A message before the connection is authenticated: only {@code auth} is accepted. */
  void onMessage(String action, JsonObject request, Object id) {
    if (!"auth".equals(action)) {
      session.send(ActionSession.withId(ActionErrors.of(action, "unauthorized"), id));
    } else if (!verifying) {
      verify(id, request.getValue("token") instanceof String token ? token : "");
    }
  }

  void stop() {
    if (timer >= 0) {
      hub.vertx.cancelTimer(timer);
      timer = -1;
    }
  }

  private void verify(Object id, String token) {
    stop();
    verifying = true;
    session.holdReads();
    hub.services.<Principal>retrying(Addresses.Auth.VERIFY_TOKEN, new VerifyToken(token))
      .onSuccess(verified -> {
        if (verified.isUser()) {
          session.send(ActionSession.withId(new JsonObject().put("action", "auth").put("success", true), id));
          session.authenticated(verified);
          session.resumeReads();
        } else {
          refuse(id, "Invalid token", "Invalid token");
        }
      })
      .onFailure(failure -> {
        if (ServiceFailure.codeOf(failure) == FailureCode.UNAUTHORIZED) {
          refuse(id, comment(failure), comment(failure));
        } else {
          session.send(reply(id, "Authentication unavailable, try again"));
          session.tryAgainLater(failure);
        }
      });
  }

  private void refuse(Object id, String comment, String reason) {
    session.send(reply(id, comment));
    session.close(CLOSE_UNAUTHORIZED, reason);
  }

  private static JsonObject reply(Object id, String comment) {
    return ActionSession.withId(new JsonObject().put("action", "auth").put("success", false).put("comment", comment), id);
  }

  private static String comment(Throwable failure) {
    return switch (ServiceFailure.reasonOf(failure)) {
      case "expired" -> "Expired";
      case "invalid_signature" -> "Invalid signature";
      default -> "Invalid token";
    };
  }
}
