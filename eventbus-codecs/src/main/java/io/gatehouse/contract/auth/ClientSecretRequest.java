package io.gatehouse.contract.auth;

import io.vertx.core.json.JsonObject;

/** Fetch the decrypted secret of an API client, for services that encrypt results to it; replies {@link ApiClientKeys}. */
public record ClientSecretRequest(String clientId) {

  public JsonObject toJson() {
    return new JsonObject().put("clientId", clientId);
  }

  public static ClientSecretRequest fromJson(JsonObject json) {
    return new ClientSecretRequest(json.getString("clientId"));
  }
}
