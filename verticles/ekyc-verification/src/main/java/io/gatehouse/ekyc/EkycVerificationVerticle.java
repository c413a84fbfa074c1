package io.gatehouse.ekyc;

import io.gatehouse.contract.Addresses.Ekyc;
import io.gatehouse.contract.Addresses.Face;
import io.gatehouse.contract.Codecs;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.Services;
import io.gatehouse.contract.ekyc.AllotSlot;
import io.gatehouse.contract.ekyc.ProcessFrames;
import io.gatehouse.contract.ekyc.SlotClosed;
import io.gatehouse.contract.ekyc.SlotRef;
import io.gatehouse.contract.ekyc.StartVerification;
import io.gatehouse.contract.ekyc.VerifierQuery;
import io.gatehouse.contract.face.AnalyzeFrame;
import io.gatehouse.contract.face.FrameAnalysis;
import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.Databases;
import io.gatehouse.persistence.ExpirySweep;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * eKYC identity verification on the bus: transactions, slots (schema {@code ekyc}, so any node can validate
 * a slot) and the verifier registry. The face-liveness verifier reaches the face engine only over the bus.
 * Ready once the schema is migrated and every consumer is registered.
 */
public final class EkycVerificationVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(EkycVerificationVerticle.class);

  private Pool pool;
  private ExpirySweep expiry;

  @Override
  public Future<?> start() {
    Codecs.register(vertx);
    EkycOptions options = EkycOptions.from(config());
    return Databases.open(vertx, DatabaseOptions.from(config()), "ekyc")
      .onSuccess(opened -> pool = opened)
      .compose(opened -> listen(options))
      // transactions never allotted and slots past their lifetime (expires_at covers both)
      .onSuccess(v -> expiry = ExpirySweep.start(vertx, pool, "ekyc", config().getJsonObject("ekyc",
        new JsonObject()), List.of("DELETE FROM ekyc.verifications WHERE expires_at < now() - $1 * interval '1 second'")))
      .onSuccess(v -> LOG.info("ekyc-verification ready ({} concurrent slots)", options.maxConcurrentSlots()));
  }

  @Override
  public Future<?> stop() {
    if (expiry != null) {
      expiry.stop();
    }
    return pool == null ? Future.succeededFuture() : pool.close();
  }

  private Future<?> listen(EkycOptions options) {
    Verifications verifications = new Verifications(new SlotRepository(pool), registry(options), vertx.eventBus(),
      options);
    var bus = vertx.eventBus();
    return Future.all(List.of(
      Services.<StartVerification>serve(bus, Ekyc.START, verifications::start),
      Services.<VerifierQuery>serve(bus, Ekyc.VERIFIER, verifications::verifier),
      Services.<AllotSlot>serve(bus, Ekyc.ALLOT_SLOT, verifications::allot),
      Services.<SlotRef>serve(bus, Ekyc.CLAIM_SLOT, verifications::claim),
      Services.<ProcessFrames>serve(bus, Ekyc.PROCESS_FRAMES, verifications::process),
      Services.<SlotClosed>serve(bus, Ekyc.SLOT_CLOSED, verifications::closed),
      Services.<SlotRef>serve(bus, Ekyc.STATUS, verifications::status),
      Services.<Object>serve(bus, Ekyc.HEALTH, any -> pool.query("SELECT 1").execute()
        .map(rows -> new JsonObject().put("status", "UP"))
        .recover(failure -> ServiceFailure.fail(FailureCode.UNAVAILABLE, "database_unavailable")))));
  }

  private Map<String, Verifier> registry(EkycOptions options) {
    DeliveryOptions analyzeOptions = new DeliveryOptions().setSendTimeout(options.analyzeTimeoutMs());
    FaceLivenessVerifier.Analyzer analyzer = (image, descriptor) -> vertx.eventBus()
      .<FrameAnalysis>request(Face.ANALYZE_FRAME, new AnalyzeFrame(image, descriptor), analyzeOptions)
      .map(Message::body);
    Map<String, Verifier> verifiers = new LinkedHashMap<>();
    for (Verifier verifier : List.of(new MockIdentityVerifier(), new FaceLivenessVerifier(analyzer, options))) {
      verifiers.put(verifier.id(), verifier);
    }
    return verifiers;
  }
}
