package io.gatehouse.gateway.bridge;

import io.gatehouse.operations.GatehouseMetrics;
import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.routing.Delivery;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Per node, one consumer per topic that bridge clients listen to: it turns each {@link Delivery} into JSON and
 * publishes it, local only, on the bridge address of the topic, where only registrations the bridge allowed
 * exist. Counted per registration; the last one leaving removes the consumer. Event-loop confined.
 */
final class TopicForwarders {

  static final String PREFIX = "gatehouse.bridge.topic.";
  private static final DeliveryOptions LOCAL = new DeliveryOptions().setLocalOnly(true);

  private final EventBus bus;
  private final Map<Long, MessageConsumer<Delivery>> consumers = new HashMap<>();
  private final Map<Long, Integer> users = new HashMap<>();

  TopicForwarders(EventBus bus) {
    this.bus = bus;
  }

  void add(long topicId, String topicName) {
    if (users.merge(topicId, 1, Integer::sum) == 1) {
      consumers.put(topicId, bus.consumer(Addresses.Delivery.topic(topicId),
        message -> {
          bus.publish(PREFIX + topicName, json(message.body()), LOCAL);
          GatehouseMetrics.delivered(GatehouseMetrics.BRIDGE, 1);
        }));
    }
  }

  void remove(long topicId) {
    Integer left = users.computeIfPresent(topicId, (id, count) -> count > 1 ? count - 1 : null);
    if (left == null) {
      MessageConsumer<Delivery> consumer = consumers.remove(topicId);
      if (consumer != null) {
        consumer.unregister();
      }
    }
  }

  static JsonObject json(Delivery delivery) {
    return new JsonObject()
      .put("topic_name", delivery.topicName())
      .put("content", delivery.content())
      .put("from", delivery.senderName())
      .put("message_id", delivery.messageId())
      .put("seq", delivery.seq())
      .put("sent_at", Instant.ofEpochMilli(delivery.sentAt()).toString());
  }
}
