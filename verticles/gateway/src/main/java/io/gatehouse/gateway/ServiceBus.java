package io.gatehouse.gateway;

import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.operations.GatehouseMetrics;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;

import java.util.Locale;

/** Requests to Gatehouse services over the event bus, with the gateway's timeout. */
public final class ServiceBus {

  private final EventBus bus;
  private final DeliveryOptions options;

  public ServiceBus(EventBus bus, long timeoutMs) {
    this.bus = bus;
    this.options = new DeliveryOptions().setSendTimeout(timeoutMs);
  }

  public <T> Future<T> request(String address, Object body) {
    return counted(address, bus.<T>request(address, body, options));
  }

  public <T> Future<T> request(String address, Object body, long timeoutMs) {
    return counted(address, bus.<T>request(address, body, new DeliveryOptions().setSendTimeout(timeoutMs)));
  }

  private static <T> Future<T> counted(String address, Future<Message<T>> reply) {
    return reply.map(Message::body).onFailure(failure ->
      GatehouseMetrics.busRequestFailed(address, ServiceFailure.codeOf(failure).name().toLowerCase(Locale.ROOT)));
  }
}
