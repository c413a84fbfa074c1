package io.gatehouse.contract.auth;

import io.vertx.core.json.JsonObject;

/** Create an API client (tenant); replies {@link ApiClientKeys} — the only time the secret is shown. */
public record CreateApiClient(String name) {

  public JsonObject toJson() {
    return new JsonObject().put("name", name);
  }

  public static CreateApiClient fromJson(JsonObject json) {
    return new CreateApiClient(json.getString("name"));
  }
}
