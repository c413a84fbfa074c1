package io.gatehouse.gateway.face;

import io.gatehouse.gateway.GatewayFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FaceSessionExpiryTest {

  @Test
  @DisplayName("a session never connected before its expires_at gets error 4401 and close 4401")
  void unclaimedSessionExpires() throws Exception {
    try (GatewayFixture gatehouse = GatewayFixture.start(new JsonObject(),
      new JsonObject().put("face", new JsonObject().put("sessionTtlMs", 500)))) {
      FaceTenant tenant = FaceTenant.create(gatehouse, "expiry");
      JsonObject session = tenant.enrollment("late");
      Thread.sleep(1_000);
      try (FaceClient client = FaceClient.open(gatehouse, session)) {
        assertThat(client.expectType("error").getInteger("code")).isEqualTo(4401);
        assertThat(client.awaitClose()).isEqualTo((short) 4401);
      }
    }
  }
}
