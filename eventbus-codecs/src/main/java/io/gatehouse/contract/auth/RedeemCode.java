package io.gatehouse.contract.auth;

import io.vertx.core.json.JsonObject;

/**
 * Redeem an authorization code once; replies the {@link UserSummary} it was issued to.
 * Fails UNAUTHORIZED {@code invalid_code} (unknown, used or expired).
 */
public record RedeemCode(String code) {

  public JsonObject toJson() {
    return new JsonObject().put("code", code);
  }

  public static RedeemCode fromJson(JsonObject json) {
    return new RedeemCode(json.getString("code"));
  }

  @Override
  public String toString() {
    return "RedeemCode[]";
  }
}
