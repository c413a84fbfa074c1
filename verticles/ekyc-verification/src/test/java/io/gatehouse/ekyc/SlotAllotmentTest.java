package io.gatehouse.ekyc;

import io.gatehouse.contract.Addresses.Ekyc;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.ekyc.AllotSlot;
import io.gatehouse.contract.ekyc.SlotClaimed;
import io.gatehouse.contract.ekyc.SlotRef;
import io.gatehouse.contract.ekyc.StartVerification;
import io.gatehouse.contract.ekyc.VerificationStarted;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class SlotAllotmentTest {

  private static <T> Future<T> request(Vertx vertx, String address, Object body) {
    return vertx.eventBus().<T>request(address, body).map(Message::body);
  }

  private static Future<String> deploy(Vertx vertx, int maxSlots) {
    JsonObject config = new JsonObject().put("database", TestDatabase.fresh("ekyc").toJson())
      .put("ekyc", new JsonObject().put("maxConcurrentSlots", maxSlots));
    return vertx.deployVerticle(new EkycVerificationVerticle(), new DeploymentOptions().setConfig(config));
  }

  @Test
  @DisplayName("of 12 concurrent allotments with room for 3, exactly 3 get a slot and the rest slot_not_available")
  void concurrentAllotmentsRespectTheLimit(Vertx vertx, VertxTestContext ctx) {
    deploy(vertx, 3)
      .compose(id -> Future.all(IntStream.range(0, 12).mapToObj(i -> request(vertx, Ekyc.START,
        new StartVerification(UUID.randomUUID().toString()))).toList()))
      .compose(started -> {
        List<Future<Object>> allotments = started.<VerificationStarted>list().stream()
          .map(tx -> request(vertx, Ekyc.ALLOT_SLOT, new AllotSlot(tx.transactionId(), "mock-identity-verifier", "AGREE")))
          .toList();
        return Future.join(allotments).transform(done -> Future.succeededFuture(allotments));
      })
      .onComplete(ctx.succeeding(allotments -> ctx.verify(() -> {
        assertThat(allotments.stream().filter(Future::succeeded).count()).isEqualTo(3);
        assertThat(allotments.stream().filter(Future::failed).map(f -> ServiceFailure.reasonOf(f.cause())))
          .containsOnly("slot_not_available");
        assertThat(allotments.stream().filter(Future::failed).map(f -> ServiceFailure.codeOf(f.cause())))
          .containsOnly(FailureCode.RATE_LIMITED);
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("a slot's cookie is claimed once; a wrong slot id or a second claim is invalid_slot")
  void claimOnce(Vertx vertx, VertxTestContext ctx) {
    Future<VerificationStarted> started = deploy(vertx, 5)
      .compose(id -> request(vertx, Ekyc.START, new StartVerification(UUID.randomUUID().toString())));
    Future<SlotRef> slot = started.compose(tx -> request(vertx, Ekyc.ALLOT_SLOT,
      new AllotSlot(tx.transactionId(), "face-liveness-verifier", "AGREE")));
    slot.compose(ref -> request(vertx, Ekyc.CLAIM_SLOT, new SlotRef(ref.transactionId(), "x" + ref.slotId()))
        .transform(wrong -> Future.succeededFuture(wrong.failed() ? ServiceFailure.reasonOf(wrong.cause()) : "accepted")))
      .compose(wrong -> request(vertx, Ekyc.CLAIM_SLOT, slot.result()).map(first -> List.of(wrong, first)))
      .compose(earlier -> request(vertx, Ekyc.CLAIM_SLOT, slot.result())
        .transform(second -> Future.succeededFuture(List.of(earlier.get(0), earlier.get(1),
          second.failed() ? ServiceFailure.reasonOf(second.cause()) : "accepted"))))
      .onComplete(ctx.succeeding(results -> ctx.verify(() -> {
        assertThat(results.get(0)).isEqualTo("invalid_slot");
        assertThat(((SlotClaimed) results.get(1)).verifierId()).isEqualTo("face-liveness-verifier");
        assertThat(results.get(2)).isEqualTo("invalid_slot");
        assertThat(slot.result().slotId()).isEqualTo(SlotIds.slotIdOf(started.result().transactionId()));
        ctx.completeNow();
      })));
  }
}
