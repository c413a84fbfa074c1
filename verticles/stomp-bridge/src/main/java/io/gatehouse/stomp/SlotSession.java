package io.gatehouse.stomp;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.ekyc.FrameResults;
import io.gatehouse.contract.ekyc.ProcessFrames;
import io.gatehouse.contract.ekyc.SlotClosed;
import io.gatehouse.contract.ekyc.VerificationStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * An eKYC slot's STOMP connection (seed 000). The handshake already used the slot's cookie; CONNECT needs no
 * credentials. Only {@code /topic/<slotId>} may be subscribed; SENDs to {@code /v1/signup/ws/process-frame}
 * go to the slot's verifier and its results come back as MESSAGEs on the slot topic. A close with anything
 * but 1000 fails the verification.
 */
final class SlotSession extends StompSession {

  static final String PROCESS_FRAME = "/v1/signup/ws/process-frame";
  private static final Logger LOG = LoggerFactory.getLogger(SlotSession.class);

  private final StompServices services;
  private final String transactionId;
  private final String slotId;
  private String subscription;

  SlotSession(StompServices services, StompOptions options, Transport transport, String transactionId,
              String slotId) {
    super(services.vertx(), options, transport, UUID.randomUUID().toString().substring(0, 8));
    this.services = services;
    this.transactionId = transactionId;
    this.slotId = slotId;
  }

  @Override
  protected Future<String> authenticate(StompFrame connect) {
    return Future.succeededFuture(transactionId + "###" + slotId);
  }

  @Override
  protected Future<Void> subscribe(StompFrame frame) {
    if (!("/topic/" + slotId).equals(frame.header("destination"))) {
      return Future.failedFuture(new StompRefusal("invalid_slot_id"));
    }
    subscription = frame.header("id") == null ? "0" : frame.header("id");
    return Future.succeededFuture();
  }

  @Override
  protected Future<Void> unsubscribe(StompFrame frame) {
    subscription = null;
    return Future.succeededFuture();
  }

  @Override
  protected Future<Void> send(StompFrame frame) {
    if (!PROCESS_FRAME.equals(frame.header("destination"))) {
      return Future.failedFuture(new StompRefusal("Unknown destination " + frame.header("destination")));
    }
    return services.<FrameResults>request(Addresses.Ekyc.PROCESS_FRAMES,
        new ProcessFrames(transactionId, slotId, frame.bodyAsString()))
      .map(results -> {
        results.messages().forEach(message -> publish((JsonObject) message));
        return null;
      });
  }

  private void publish(JsonObject message) {
    if (subscription == null) {
      return;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("destination", "/topic/" + slotId);
    headers.put("subscription", subscription);
    headers.put("message-id", UUID.randomUUID().toString());
    headers.put("content-type", "application/json");
    write(new StompFrame("MESSAGE", headers, message.toBuffer()));
  }

  @Override
  protected Future<Void> ack(StompFrame frame, boolean positive) {
    return Future.succeededFuture();
  }

  @Override
  protected void closed(int code) {
    services.<VerificationStatus>request(Addresses.Ekyc.SLOT_CLOSED, new SlotClosed(transactionId, slotId, code))
      .onSuccess(status -> LOG.info("[{}] slot closed with {}; verification {}", id, code, status.status()))
      .onFailure(failure -> LOG.warn("[{}] slot closed with {}; status not recorded: {}", id, code,
        failure.getMessage()));
  }
}
