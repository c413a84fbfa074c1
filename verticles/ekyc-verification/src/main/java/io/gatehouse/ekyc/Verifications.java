package io.gatehouse.ekyc;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.ekyc.AllotSlot;
import io.gatehouse.contract.ekyc.FrameResults;
import io.gatehouse.contract.ekyc.ProcessFrames;
import io.gatehouse.contract.ekyc.SlotClaimed;
import io.gatehouse.contract.ekyc.SlotClosed;
import io.gatehouse.contract.ekyc.SlotRef;
import io.gatehouse.contract.ekyc.StartVerification;
import io.gatehouse.contract.ekyc.VerificationStarted;
import io.gatehouse.contract.ekyc.VerificationStatus;
import io.gatehouse.contract.ekyc.VerifierDetails;
import io.gatehouse.contract.ekyc.VerifierQuery;
import io.gatehouse.contract.signup.MarkVerified;
import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The eKYC actions served on the bus: transactions, slots, frames and statuses (seed 000). */
final class Verifications {

  private static final Logger LOG = LoggerFactory.getLogger(Verifications.class);

  private final SlotRepository slots;
  private final Map<String, Verifier> verifiers;
  private final EventBus bus;
  private final EkycOptions options;

  Verifications(SlotRepository slots, Map<String, Verifier> verifiers, EventBus bus, EkycOptions options) {
    this.slots = slots;
    this.verifiers = verifiers;
    this.bus = bus;
    this.options = options;
  }

  Future<VerificationStarted> start(StartVerification request) {
    UUID userId;
    try {
      userId = UUID.fromString(String.valueOf(request.userId()));
    } catch (IllegalArgumentException e) {
      return ServiceFailure.fail(FailureCode.BAD_REQUEST, "invalid_request");
    }
    String transactionId = SlotIds.newTransactionId();
    JsonArray summaries = new JsonArray();
    verifiers.values().forEach(verifier -> summaries.add(verifier.summary()));
    return slots.open(transactionId, userId, options.transactionTtlSeconds())
      .map(v -> new VerificationStarted(transactionId, Instant.now().getEpochSecond() + options.transactionTtlSeconds(),
        summaries));
  }

  Future<VerifierDetails> verifier(VerifierQuery request) {
    Verifier verifier = verifiers.get(request.verifierId());
    return verifier == null
      ? ServiceFailure.fail(FailureCode.NOT_FOUND, "invalid_identity_verifier_id")
      : Future.succeededFuture(new VerifierDetails(verifier.metadata()));
  }

  Future<SlotRef> allot(AllotSlot request) {
    if (!"AGREE".equals(request.consent())) {
      return ServiceFailure.fail(FailureCode.BAD_REQUEST, "consent_required");
    }
    if (!verifiers.containsKey(request.verifierId())) {
      return ServiceFailure.fail(FailureCode.BAD_REQUEST, "invalid_identity_verifier_id");
    }
    if (request.transactionId() == null) {
      return ServiceFailure.fail(FailureCode.BAD_REQUEST, "invalid_transaction");
    }
    String slotId = SlotIds.slotIdOf(request.transactionId());
    return slots.allot(request.transactionId(), request.verifierId(), slotId, options.maxConcurrentSlots(),
        options.slotTtlSeconds())
      .compose(result -> switch (result) {
        case ALLOTTED -> Future.succeededFuture(new SlotRef(request.transactionId(), slotId));
        case FULL -> ServiceFailure.fail(FailureCode.RATE_LIMITED, "slot_not_available");
        case NO_TRANSACTION -> ServiceFailure.fail(FailureCode.BAD_REQUEST, "invalid_transaction");
      });
  }

  Future<SlotClaimed> claim(SlotRef request) {
    if (request.transactionId() == null || request.slotId() == null) {
      return ServiceFailure.fail(FailureCode.FORBIDDEN, "invalid_slot");
    }
    return slots.claim(request.transactionId(), request.slotId()).compose(verifier -> verifier
      .map(id -> Future.succeededFuture(new SlotClaimed(request.transactionId(), request.slotId(), id)))
      .orElseGet(() -> ServiceFailure.fail(FailureCode.FORBIDDEN, "invalid_slot")));
  }

  /**
   * One SEND of frames. A body that does not validate is answered with the validation error message in any
   * state of the slot, the END step passed included (its messages name no slot or verifier); frames for a
   * slot that is no longer open are refused.
   */
  Future<FrameResults> process(ProcessFrames request) {
    if (request.transactionId() == null || !slotIdOf(request.transactionId()).equals(request.slotId())) {
      return ServiceFailure.fail(FailureCode.FORBIDDEN, "invalid_slot");
    }
    FrameBatch batch = FrameBatch.parse(request.body(), request.slotId(), options.maxFramesPerSend());
    if (!batch.valid()) {
      return Future.succeededFuture(new FrameResults(new JsonArray().add(message(request.slotId(), null,
        Verifier.Event.error(batch.error())))));
    }
    return slots.openSlot(request.transactionId(), request.slotId()).compose(found -> {
      if (found.isEmpty()) {
        return ServiceFailure.fail(FailureCode.FORBIDDEN, "invalid_slot");
      }
      SlotRepository.OpenSlot slot = found.get();
      Verifier verifier = verifiers.get(slot.verifierId());
      return verifier.process(slot.progress(), batch)
        .compose(outcome -> record(request.transactionId(), slot, verifier, outcome).map(outcome))
        .map(outcome -> {
          JsonArray messages = new JsonArray();
          outcome.events().forEach(event -> messages.add(message(request.slotId(), verifier, event)));
          return new FrameResults(messages);
        });
    });
  }

  /** Stores the outcome; a completion that must mark the user verified passes through UPDATE_PENDING. */
  private Future<Void> record(String transactionId, SlotRepository.OpenSlot slot, Verifier verifier,
                              Verifier.Outcome outcome) {
    boolean completes = VerificationStates.COMPLETED.equals(outcome.status());
    if (!completes || !verifier.marksUserVerified()) {
      return slots.update(transactionId, outcome.progress(), outcome.status(), outcome.claims());
    }
    return slots.update(transactionId, outcome.progress(), VerificationStates.UPDATE_PENDING, outcome.claims())
      .compose(v -> bus.request(Addresses.Auth.MARK_VERIFIED, new MarkVerified(slot.userId().toString())))
      .compose(v -> slots.update(transactionId, outcome.progress(), VerificationStates.COMPLETED, null))
      .recover(failure -> {
        LOG.warn("verification {} stays UPDATE_PENDING: user-auth did not record it ({})", slotIdOf(transactionId),
          ServiceFailure.reasonOf(failure));
        return Future.succeededFuture();
      });
  }

  Future<VerificationStatus> closed(SlotClosed request) {
    if (request.closeCode() == 1000) {
      return status(new SlotRef(request.transactionId(), request.slotId()));
    }
    return slots.fail(request.transactionId(), request.slotId()).compose(status -> status
      .map(value -> Future.succeededFuture(new VerificationStatus(value)))
      .orElseGet(() -> ServiceFailure.fail(FailureCode.NOT_FOUND, "invalid_transaction")));
  }

  Future<VerificationStatus> status(SlotRef request) {
    if (request.transactionId() == null) {
      return ServiceFailure.fail(FailureCode.NOT_FOUND, "invalid_transaction");
    }
    return slots.status(request.transactionId()).compose(status -> status
      .map(value -> Future.succeededFuture(new VerificationStatus(value.isEmpty() ? VerificationStates.STARTED : value)))
      .orElseGet(() -> ServiceFailure.fail(FailureCode.NOT_FOUND, "invalid_transaction")));
  }

  /** A MESSAGE body of PROTOCOLS §4; errors carry no slot or verifier id ({@code verifier} may then be null). */
  static JsonObject message(String slotId, Verifier verifier, Verifier.Event event) {
    boolean error = event.isError();
    return new JsonObject()
      .put("id", error ? null : slotId)
      .put("verifierId", error ? null : verifier.id())
      .put("step", event.step())
      .put("feedback", event.feedback());
  }

  private static String slotIdOf(String transactionId) {
    return SlotIds.slotIdOf(transactionId);
  }
}
