package io.gatehouse.edge;

import io.gatehouse.contract.routing.Delivery;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * The reader's side of the delivery contract, for one topic on one connection: each sequence number is
 * written once and in order; live deliveries are held back while the log is being read; a gap in the
 * sequence numbers seen live calls for a read of the log ({@code Routing.READ_RANGE}) after
 * {@link #delivered()}. Kept by {@link DeliveryStream}, which every edge that streams topics uses.
 * Not thread-safe: one per connection and topic, on that connection's event loop.
 */
public final class DeliveryOrder {

  private long delivered;
  private boolean catchingUp;
  private ArrayDeque<Delivery> held;

  /** {@code delivered}: the highest sequence number the member already has (its cursor). */
  public DeliveryOrder(long delivered) {
    this.delivered = delivered;
  }

  public long delivered() {
    return delivered;
  }

  public boolean catchingUp() {
    return catchingUp;
  }

  public void startCatchUp() {
    catchingUp = true;
  }

  /** A live delivery: written, dropped as a duplicate, or held; returns true when a gap needs a catch-up. */
  public boolean offerLive(Delivery delivery, Consumer<Delivery> writer) {
    if (catchingUp) {
      hold(delivery);
      return false;
    }
    if (delivery.seq() <= delivered) {
      return false;
    }
    if (delivery.seq() > delivered + 1) {
      hold(delivery);
      catchingUp = true;
      return true;
    }
    writer.accept(delivery);
    delivered = delivery.seq();
    return false;
  }

  /** Deliveries read from the log during a catch-up, in order. */
  public void offerCaughtUp(List<Delivery> deliveries, Consumer<Delivery> writer) {
    for (Delivery delivery : deliveries) {
      if (delivery.seq() > delivered) {
        writer.accept(delivery);
        delivered = delivery.seq();
      }
    }
  }

  /**
   * Ends a catch-up: writes the held live deliveries that follow on; returns true when a gap remains
   * (a live delivery the log read did not reach yet), which calls for another catch-up.
   */
  public boolean finishCatchUp(Consumer<Delivery> writer) {
    catchingUp = false;
    if (held == null) {
      return false;
    }
    ArrayDeque<Delivery> pending = held;
    held = null;
    pending.stream().sorted(Comparator.comparingLong(Delivery::seq)).forEach(delivery -> {
      if (catchingUp) {
        hold(delivery);
      } else if (delivery.seq() == delivered + 1) {
        writer.accept(delivery);
        delivered = delivery.seq();
      } else if (delivery.seq() > delivered + 1) {
        hold(delivery);
        catchingUp = true;
      }
    });
    return catchingUp;
  }

  private void hold(Delivery delivery) {
    if (held == null) {
      held = new ArrayDeque<>(4);
    }
    held.add(delivery);
  }
}
