package io.gatehouse.edge;

import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.TopicKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeliveryOrderTest {

  private final List<Long> written = new ArrayList<>();

  private static Delivery seq(long seq) {
    return new Delivery(7, "news", TopicKind.PUBLIC, seq, "m" + seq, "u", "alice", 0, "c" + seq, false);
  }

  private void write(Delivery delivery) {
    written.add(delivery.seq());
  }

  @Test
  @DisplayName("live deliveries that follow on are written once, duplicates dropped")
  void followOnIsWrittenOnce() {
    DeliveryOrder order = new DeliveryOrder(3);

    assertThat(order.offerLive(seq(4), this::write)).isFalse();
    assertThat(order.offerLive(seq(4), this::write)).isFalse();
    assertThat(order.offerLive(seq(2), this::write)).isFalse();
    assertThat(order.offerLive(seq(5), this::write)).isFalse();

    assertThat(written).containsExactly(4L, 5L);
    assertThat(order.delivered()).isEqualTo(5);
  }

  @Test
  @DisplayName("a gap holds live deliveries until the log read fills it, then writes them in order")
  void gapIsFilledFromTheLog() {
    DeliveryOrder order = new DeliveryOrder(1);

    assertThat(order.offerLive(seq(4), this::write)).isTrue();
    assertThat(order.offerLive(seq(6), this::write)).isFalse();
    assertThat(order.offerLive(seq(5), this::write)).isFalse();
    order.offerCaughtUp(List.of(seq(2), seq(3), seq(4)), this::write);
    assertThat(order.finishCatchUp(this::write)).isFalse();

    assertThat(written).containsExactly(2L, 3L, 4L, 5L, 6L);
    assertThat(order.catchingUp()).isFalse();
  }

  @Test
  @DisplayName("a read that stops short of the held deliveries asks for another read")
  void shortReadAsksForMore() {
    DeliveryOrder order = new DeliveryOrder(0);
    order.startCatchUp();
    order.offerLive(seq(9), this::write);
    order.offerCaughtUp(List.of(seq(1), seq(2)), this::write);

    assertThat(order.finishCatchUp(this::write)).isTrue();
    assertThat(order.catchingUp()).isTrue();
    order.offerCaughtUp(List.of(seq(3), seq(4), seq(5), seq(6), seq(7), seq(8), seq(9)), this::write);
    assertThat(order.finishCatchUp(this::write)).isFalse();

    assertThat(written).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
  }
}
