package io.gatehouse.gateway;

import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;

/** Requests to Gatehouse services over the event bus, with the gateway's timeout. */
public final class ServiceBus {

  private final EventBus bus;
  private final DeliveryOptions options;

  public ServiceBus(EventBus bus, long timeoutMs) {
    this.bus = bus;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  public <T> Future<T> request(String address, Object body) {
    return bus.<T>request(address, body, options).map(Message::body);
  }

  public <T> Future<T> request(String address, Object body, long timeoutMs) {
    return bus.<T>request(address, body, new DeliveryOptions().setSendTimeout(timeoutMs)).map(Message::body);
  }
}
