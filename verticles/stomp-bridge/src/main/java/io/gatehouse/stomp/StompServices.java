package io.gatehouse.stomp;

import io.gatehouse.contract.ServiceRequests;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

/** Requests to Gatehouse services over the event bus, with the bridge's timeouts (see {@link ServiceRequests}). */
record StompServices(Vertx vertx, ServiceRequests requests) {

  static StompServices of(Vertx vertx, long timeoutMs, long attemptTimeoutMs) {
    return new StompServices(vertx, new ServiceRequests(vertx, timeoutMs, attemptTimeoutMs));
  }

  <T> Future<T> request(String address, Object body) {
    return requests.request(address, body);
  }

  /** To this node's instance when there is one, sent once (appends). */
  <T> Future<T> nearest(String address, Object body) {
    return requests.nearest(address, body);
  }

  /** Repeatable requests (catch-up, log reads, acks): an attempt without answer goes to the next instance. */
  <T> Future<T> retrying(String address, Object body) {
    return requests.retrying(address, body);
  }
}
