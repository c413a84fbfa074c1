package io.gatehouse.gateway.face;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.auth.ApiClientKeys;
import io.gatehouse.contract.auth.CreateApiClient;
import io.gatehouse.gateway.GatewayFixture;
import io.gatehouse.gateway.HttpProbe;
import io.vertx.core.MultiMap;
import io.vertx.core.eventbus.Message;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

import java.util.UUID;

/** An API client (tenant) created through user-auth, holding its client JWT from {@code /api/auth/client/}. */
public record FaceTenant(GatewayFixture gatehouse, ApiClientKeys keys, String jwt) {

  public static FaceTenant create(GatewayFixture gatehouse, String name) {
    ApiClientKeys keys = GatewayFixture.await(gatehouse.vertx.eventBus()
      .<ApiClientKeys>request(Addresses.Auth.CREATE_CLIENT, new CreateApiClient(name + "-" + UUID.randomUUID()))
      .map(Message::body));
    HttpProbe.Reply token = gatehouse.http.post("/api/auth/client/", new JsonObject().put("api_key", keys.apiKey()));
    if (token.status() != 200) {
      throw new IllegalStateException("client token: " + token.status() + " " + token.raw());
    }
    return new FaceTenant(gatehouse, keys, token.json().getString("jwt_token"));
  }

  HttpProbe.Reply post(String path, JsonObject body, String scheme) {
    MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Authorization", scheme + " " + jwt);
    return gatehouse.http.sendWithHeaders(HttpMethod.POST, path, headers, body);
  }

  public JsonObject enrollment(String userId) {
    return created(post("/api/auth/enrollment/", new JsonObject().put("user_id", userId)
      .put("metadata", new JsonObject().put("target_samples", 3).put("device_info", new JsonObject())), "Bearer"));
  }

  /** {@code userId} null for 1:N identification. */
  JsonObject authentication(String userId) {
    return authentication(userId, true);
  }

  JsonObject authentication(String userId, boolean requireLiveness) {
    JsonObject body = new JsonObject().put("require_liveness", requireLiveness)
      .put("metadata", new JsonObject().put("min_frames_required", 3).put("required_blinks", 1));
    if (userId != null) {
      body.put("user_id", userId);
    }
    return created(post("/api/auth/authentication/", body, "JWT"));
  }

  private static JsonObject created(HttpProbe.Reply reply) {
    if (reply.status() != 201) {
      throw new IllegalStateException("session: " + reply.status() + " " + reply.raw());
    }
    return reply.json();
  }
}
