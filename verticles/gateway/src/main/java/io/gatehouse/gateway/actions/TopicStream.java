package io.gatehouse.gateway.actions;

import io.gatehouse.contract.routing.DeliveryOrder;

/**
 * The order keeper of one topic on one connection ({@link DeliveryOrder}, shared with the STOMP bridge), plus
 * the bus address its live deliveries come from. Shared by the action protocol and the Socket.IO chat.
 */
public final class TopicStream extends DeliveryOrder {

  private final String address;

  /**
   * {@code address}: where the topic's live deliveries come from; {@code delivered}: the highest sequence
   * number the member already has (its cursor).
   */
  public TopicStream(String address, long delivered) {
    super(delivered);
    this.address = address;
  }

  /** A stream whose live deliveries are wired by its owner. */
  public TopicStream(long delivered) {
    this(null, delivered);
  }

  String address() {
    return address;
  }
}
