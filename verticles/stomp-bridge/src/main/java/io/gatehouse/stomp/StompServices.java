package io.gatehouse.stomp;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;

/** Requests to Gatehouse services over the event bus, with the bridge's timeout. */
record StompServices(Vertx vertx, DeliveryOptions delivery) {

  static StompServices of(Vertx vertx, long timeoutMs) {
    return new StompServices(vertx, new DeliveryOptions().setSendTimeout(timeoutMs));
  }

  <T> Future<T> request(String address, Object body) {
    return vertx.eventBus().<T>request(address, body, delivery).map(Message::body);
  }
}
