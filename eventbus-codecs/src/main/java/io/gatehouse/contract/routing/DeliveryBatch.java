package io.gatehouse.contract.routing;

import io.gatehouse.contract.WireReader;
import io.vertx.core.buffer.Buffer;

import java.util.ArrayList;
import java.util.List;

/** Deliveries read from the logs, in order; {@code more} when the read was cut at its limit. */
public record DeliveryBatch(List<Delivery> deliveries, boolean more) {

  public DeliveryBatch {
    deliveries = List.copyOf(deliveries);
  }

  public DeliveryBatch asPending() {
    return new DeliveryBatch(deliveries.stream().map(Delivery::asPending).toList(), more);
  }

  public void writeTo(Buffer out) {
    out.appendInt(deliveries.size());
    deliveries.forEach(delivery -> delivery.writeTo(out));
    WireReader.writeBoolean(out, more);
  }

  public static DeliveryBatch readFrom(WireReader in) {
    int count = in.readInt();
    List<Delivery> deliveries = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      deliveries.add(Delivery.readFrom(in));
    }
    return new DeliveryBatch(deliveries, in.readBoolean());
  }
}
