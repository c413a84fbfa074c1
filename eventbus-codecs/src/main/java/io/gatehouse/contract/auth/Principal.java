package io.gatehouse.contract.auth;

import io.vertx.core.json.JsonObject;

/** Who a verified token speaks for: a user or an API client (tenant). */
public record Principal(String subject, String name, Kind kind, long expiresAt) {

  public enum Kind { USER, CLIENT }

  public boolean isUser() {
    return kind == Kind.USER;
  }

  public JsonObject toJson() {
    return new JsonObject().put("subject", subject).put("name", name).put("kind", kind.name()).put("expiresAt", expiresAt);
  }

  public static Principal fromJson(JsonObject json) {
    return new Principal(json.getString("subject"), json.getString("name"), Kind.valueOf(json.getString("kind")),
      json.getLong("expiresAt"));
  }
}
