package io.gatehouse.contract.auth;

import io.vertx.core.json.JsonObject;

/**
 * Exchange an API key (and optionally its secret) for a client JWT; replies {@link IssuedToken}.
 * Fails UNAUTHORIZED {@code invalid_client}.
 */
public record ClientTokenRequest(String apiKey, String apiSecret) {

  public JsonObject toJson() {
    return new JsonObject().put("apiKey", apiKey).put("apiSecret", apiSecret);
  }

  public static ClientTokenRequest fromJson(JsonObject json) {
    return new ClientTokenRequest(json.getString("apiKey"), json.getString("apiSecret"));
  }

  @Override
  public String toString() {
    return "ClientTokenRequest[]";
  }
}
