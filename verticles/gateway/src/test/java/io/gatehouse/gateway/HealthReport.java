package io.gatehouse.gateway;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.LinkedHashMap;
import java.util.Map;

/** A health reply (vertx-health-check's nested {@code checks}) flattened to {@code group/role → check}. */
public record HealthReport(String status, Map<String, JsonObject> checks) {

  public static HealthReport of(JsonObject body) {
    Map<String, JsonObject> checks = new LinkedHashMap<>();
    flatten("", body.getJsonArray("checks", new JsonArray()), checks);
    return new HealthReport(body.getString("status"), checks);
  }

  private static void flatten(String prefix, JsonArray array, Map<String, JsonObject> into) {
    for (Object item : array) {
      JsonObject check = (JsonObject) item;
      String id = prefix + check.getString("id");
      if (check.containsKey("checks")) {
        flatten(id + "/", check.getJsonArray("checks"), into);
      } else {
        into.put(id, check);
      }
    }
  }

  /** UP or DOWN of one check, or null when the report has no such check. */
  public String status(String id) {
    JsonObject check = checks.get(id);
    return check == null ? null : check.getString("status");
  }

  /** The reason a DOWN check gives. */
  public String reason(String id) {
    JsonObject check = checks.get(id);
    return check == null ? null : check.getJsonObject("data", new JsonObject()).getString("reason");
  }
}
