package io.gatehouse.gateway;

import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.ServiceRequests;
import io.gatehouse.operations.GatehouseMetrics;
import io.vertx.core.Future;

import java.util.Locale;

/**
 * Requests to Gatehouse services over the event bus, with the gateway's timeouts; see
 * {@link ServiceRequests} for the three kinds.
 */
public final class ServiceBus {

  private final ServiceRequests requests;

  public ServiceBus(ServiceRequests requests) {
    this.requests = requests;
  }

  /** The requests underneath, for the edge-support classes that take them. */
  public ServiceRequests requests() {
    return requests;
  }

  public <T> Future<T> request(String address, Object body) {
    return counted(address, requests.request(address, body));
  }

  public <T> Future<T> request(String address, Object body, long timeoutMs) {
    return counted(address, requests.request(address, body, timeoutMs));
  }

  /** To this node's instance when there is one, sent once: appends and other requests that must not repeat. */
  public <T> Future<T> nearest(String address, Object body) {
    return counted(address, requests.nearest(address, body));
  }

  /** To this node's instance first, repeated on the next instance when an attempt gets no answer. */
  public <T> Future<T> retrying(String address, Object body) {
    return counted(address, requests.retrying(address, body));
  }

  private static <T> Future<T> counted(String address, Future<T> reply) {
    return reply.onFailure(failure ->
      GatehouseMetrics.busRequestFailed(address, ServiceFailure.codeOf(failure).name().toLowerCase(Locale.ROOT)));
  }
}
