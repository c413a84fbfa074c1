package io.gatehouse.gateway.actions;

import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.TopicKind;
import io.vertx.core.json.JsonObject;

import java.time.Instant;

/** The action-protocol JSON of a delivery (PROTOCOLS §1): topic messages carry {@code topic_name} and {@code from}, direct ones {@code user_source}. */
final class DeliveryFrames {

  private DeliveryFrames() {
  }

  static String encode(Delivery delivery) {
    JsonObject frame = new JsonObject().put("action", "message");
    if (delivery.kind() == TopicKind.INBOX) {
      frame.put("user_source", delivery.senderName());
    } else {
      frame.put("topic_name", delivery.topicName());
    }
    frame.put("content", delivery.content());
    if (delivery.kind() != TopicKind.INBOX) {
      frame.put("from", delivery.senderName());
    }
    frame.put("message_id", delivery.messageId()).put("sent_at", Instant.ofEpochMilli(delivery.sentAt()).toString());
    if (delivery.pending()) {
      frame.put("pending", true);
    }
    return frame.encode();
  }
}
