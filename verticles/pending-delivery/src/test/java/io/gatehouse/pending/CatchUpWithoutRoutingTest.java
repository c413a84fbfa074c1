package io.gatehouse.pending;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.routing.CatchUp;
import io.gatehouse.persistence.TestDatabase;
import io.gatehouse.routing.RoutingClient;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static io.gatehouse.routing.RoutingClient.newUser;
import static io.gatehouse.routing.RoutingClient.refused;

@ExtendWith(VertxExtension.class)
class CatchUpWithoutRoutingTest {

  @Test
  @DisplayName("with no topic-routing on the bus, catch-up fails as unavailable rather than internal")
  void catchUpWithoutRoutingIsUnavailable(Vertx vertx, VertxTestContext ctx) {
    RoutingClient bus = new RoutingClient(vertx);
    JsonObject config = RoutingClient.nodeConfig(TestDatabase.fresh("pending"), new JsonObject());
    vertx.deployVerticle(PendingDeliveryVerticle.class, new DeploymentOptions().setConfig(config))
      .compose(id -> refused(bus.request(Addresses.Pending.CATCH_UP, new CatchUp(newUser(), List.of(1L), 10)),
        FailureCode.UNAVAILABLE, "unavailable"))
      .onComplete(ctx.succeedingThenComplete());
  }
}
