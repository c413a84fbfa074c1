package io.gatehouse.gateway.actions;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The one place where failures become action-protocol error replies (PROTOCOLS §1). */
final class ActionErrors {

  private static final Logger LOG = LoggerFactory.getLogger(ActionErrors.class);

  private static final Set<String> CODES = Set.of("not_found", "forbidden", "already_exists", "already_member",
    "not_member", "invalid_request", "rate_limited", "internal", "unauthorized");

  private static final Map<String, String> COMMENTS = Map.of(
    "not_found", "Topic or user not found",
    "forbidden", "Not allowed",
    "already_exists", "Topic already exists",
    "already_member", "Already a member of this topic",
    "not_member", "Not a member of this topic",
    "invalid_request", "Invalid request",
    "rate_limited", "Too many messages, slow down",
    "unauthorized", "Authenticate first with {\"action\":\"auth\",\"token\":...}");

  /** Per-user quotas of topic-routing: one code, a comment naming which quota. */
  private static final Map<String, String> QUOTAS = Map.of(
    "topic_quota_exceeded", "You have created the most topics allowed",
    "membership_quota_exceeded", "The user is a member of the most topics allowed",
    "invite_rate_exceeded", "Too many invites, slow down");

  private ActionErrors() {
  }

  static JsonObject error(String action, String code, String comment) {
    return new JsonObject().put("action", action).put("success", false).put("result", "error").put("code", code)
      .put("comment", comment);
  }

  static JsonObject of(String action, String code) {
    return error(action, code, COMMENTS.getOrDefault(code, "Error"));
  }

  /** Maps a service failure; anything unexpected is logged under a correlation id the client also gets. */
  static JsonObject fromFailure(String action, Throwable failure, String connectionId) {
    FailureCode code = ServiceFailure.codeOf(failure);
    String reason = ServiceFailure.reasonOf(failure);
    if (QUOTAS.containsKey(reason)) {
      return error(action, "quota_exceeded", QUOTAS.get(reason));
    }
    if (code != FailureCode.INTERNAL && code != FailureCode.UNAVAILABLE) {
      String mapped = CODES.contains(reason) ? reason : switch (code) {
        case NOT_FOUND -> "not_found";
        case FORBIDDEN, UNAUTHORIZED -> "forbidden";
        case CONFLICT -> "already_exists";
        case RATE_LIMITED -> "rate_limited";
        default -> "invalid_request";
      };
      return of(action, mapped);
    }
    String correlationId = UUID.randomUUID().toString();
    LOG.warn("[{}] action {} failed, correlation {}: {}", connectionId, action, correlationId, failure.toString());
    return error(action, "internal", code == FailureCode.UNAVAILABLE
      ? "Service unavailable, try again" : "Internal error").put("correlation_id", correlationId);
  }
}
