package io.gatehouse.gateway.face;

import io.gatehouse.face.engine.FaceFixtures;
import io.gatehouse.gateway.GatewayFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FaceOwnerLossTest {

  @Test
  @DisplayName("when the node owning a session goes away, the socket gets error 4500 and close 4500")
  void ownerLossIsInternalError() {
    try (GatewayFixture gatehouse = GatewayFixture.start(new JsonObject())) {
      FaceTenant tenant = FaceTenant.create(gatehouse, "loss");
      JsonObject pending = tenant.enrollment("later");
      try (FaceClient client = FaceClient.open(gatehouse, tenant.enrollment("now"))) {
        client.expectType("connection_established");
        gatehouse.stopFaceProcessing();
        JsonObject reply = client.frame(FaceFixtures.faceApiSample(3, 0).frame(170, 0, 0, false));
        assertThat(reply.getMap()).containsEntry("type", "error").containsEntry("code", 4500);
        assertThat(client.awaitClose()).isEqualTo((short) 4500);
      }
      try (FaceClient client = FaceClient.open(gatehouse, pending)) {
        assertThat(client.awaitClose()).isEqualTo((short) 4500);
      }
    }
  }
}
