package io.gatehouse.gateway.signup;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.auth.RedeemCode;
import io.gatehouse.contract.auth.UserSummary;
import io.gatehouse.contract.ekyc.AllotSlot;
import io.gatehouse.contract.ekyc.SlotRef;
import io.gatehouse.contract.ekyc.StartVerification;
import io.gatehouse.contract.ekyc.VerificationStarted;
import io.gatehouse.contract.ekyc.VerificationStatus;
import io.gatehouse.contract.ekyc.VerifierDetails;
import io.gatehouse.contract.ekyc.VerifierQuery;
import io.gatehouse.gateway.RequestSchema;
import io.gatehouse.gateway.ServiceBus;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Identity verification under {@code /v1/signup/identity-verification}: initiate with an authorization code,
 * verifier metadata, slot allotment (cookie {@code IDV_SLOT_ALLOTTED=<transactionId>###<slotId>}), status.
 */
final class IdentityVerificationRoutes {

  static final String IDV_TRANSACTION_ID = "IDV_TRANSACTION_ID";
  static final String IDV_SLOT_ALLOTTED = "IDV_SLOT_ALLOTTED";
  /** The seed document's spelling, accepted too. */
  static final String IDV_SLOT_ALOTTED = "IDV_SLOT_ALOTTED";
  static final String SEPARATOR = "###";
  private static final String PATH = SignupRoutes.PREFIX + "/identity-verification";

  private final ServiceBus services;
  private final SignupSettings settings;
  private final SignupHttp http;
  private final RequestSchema initiateSchema = RequestSchema.load("signup/initiate");
  private final RequestSchema slotSchema = RequestSchema.load("signup/slot");

  IdentityVerificationRoutes(ServiceBus services, SignupSettings settings, SignupHttp http) {
    this.services = services;
    this.settings = settings;
    this.http = http;
  }

  void mount(Router router) {
    router.post(PATH + "/initiate").handler(this::initiate);
    router.get(PATH + "/identity-verifier/:id").handler(this::verifier);
    router.post(PATH + "/slot").handler(this::slot);
    router.get(PATH + "/status").handler(this::status);
  }

  private void initiate(RoutingContext ctx) {
    http.request(ctx, initiateSchema, request -> services.<UserSummary>request(
        Addresses.Auth.REDEEM_CODE, new RedeemCode(request.getString("authorizationCode")))
      .compose(user -> services.<VerificationStarted>request(Addresses.Ekyc.START, new StartVerification(user.userId())))
      .onSuccess(started -> {
        http.setCookie(ctx, IDV_TRANSACTION_ID, started.transactionId(), settings.idvTransactionTtlSeconds());
        SignupHttp.ok(ctx, new JsonObject().put("identityVerifiers", started.identityVerifiers()));
      })
      .onFailure(failure -> SignupHttp.failure(ctx, failure)));
  }

  private void verifier(RoutingContext ctx) {
    services.<VerifierDetails>request(Addresses.Ekyc.VERIFIER, new VerifierQuery(ctx.pathParam("id")))
      .onSuccess(details -> SignupHttp.ok(ctx, details.metadata()))
      .onFailure(failure -> SignupHttp.failure(ctx, failure));
  }

  private void slot(RoutingContext ctx) {
    http.request(ctx, slotSchema, request -> services.<SlotRef>request(Addresses.Ekyc.ALLOT_SLOT,
        new AllotSlot(SignupHttp.cookie(ctx, IDV_TRANSACTION_ID), request.getString("verifierId"),
          request.getString("consent")))
      .onSuccess(slot -> {
        http.clearCookie(ctx, IDV_TRANSACTION_ID);
        http.setCookie(ctx, IDV_SLOT_ALLOTTED, slot.transactionId() + SEPARATOR + slot.slotId(),
          settings.slotTtlSeconds());
        SignupHttp.ok(ctx, new JsonObject().put("slotId", slot.slotId()));
      })
      .onFailure(failure -> SignupHttp.failure(ctx, failure)));
  }

  private void status(RoutingContext ctx) {
    String allotted = SignupHttp.cookie(ctx, IDV_SLOT_ALLOTTED);
    String value = allotted != null ? allotted : SignupHttp.cookie(ctx, IDV_SLOT_ALOTTED);
    String transactionId = value == null ? SignupHttp.cookie(ctx, IDV_TRANSACTION_ID) : value.split(SEPARATOR, 2)[0];
    services.<VerificationStatus>request(Addresses.Ekyc.STATUS, new SlotRef(transactionId, null))
      .onSuccess(status -> SignupHttp.ok(ctx, new JsonObject().put("status", status.status())))
      .onFailure(failure -> SignupHttp.failure(ctx, failure));
  }
}
