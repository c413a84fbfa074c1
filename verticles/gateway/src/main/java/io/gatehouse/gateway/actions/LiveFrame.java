package io.gatehouse.gateway.actions;

import io.gatehouse.contract.routing.Delivery;

/** A live delivery whose JSON is encoded once, on first use, for all local subscribers. */
final class LiveFrame {

  final Delivery delivery;
  private String text;

  LiveFrame(Delivery delivery) {
    this.delivery = delivery;
  }

  String text() {
    if (text == null) {
      text = DeliveryFrames.encode(delivery);
    }
    return text;
  }
}
