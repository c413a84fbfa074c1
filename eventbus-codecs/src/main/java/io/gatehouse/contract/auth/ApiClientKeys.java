package io.gatehouse.contract.auth;

import io.vertx.core.json.JsonObject;

/** An API client with its keys. */
public record ApiClientKeys(String clientId, String name, String apiKey, String secretKey) {

  public JsonObject toJson() {
    return new JsonObject().put("clientId", clientId).put("name", name).put("apiKey", apiKey).put("secretKey", secretKey);
  }

  public static ApiClientKeys fromJson(JsonObject json) {
    return new ApiClientKeys(json.getString("clientId"), json.getString("name"), json.getString("apiKey"),
      json.getString("secretKey"));
  }

  @Override
  public String toString() {
    return "ApiClientKeys[clientId=" + clientId + ", name=" + name + "]";
  }
}
