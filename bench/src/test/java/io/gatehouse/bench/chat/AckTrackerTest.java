package io.gatehouse.bench.chat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AckTrackerTest {

  private final AckTracker tracker = new AckTracker();
  private final List<String> outcomes = new ArrayList<>();

  @Test
  @DisplayName("acks settle their own waiter, in any order, once; unknown and repeated ids are refused")
  void acksSettleTheirWaiterOnce() {
    long first = tracker.await(waiter("a"), 100);
    long second = tracker.await(waiter("b"), 100);

    assertThat(tracker.complete(second, null)).isTrue();
    assertThat(tracker.complete(second, null)).isFalse();
    assertThat(tracker.complete(first, null)).isTrue();
    assertThat(tracker.complete(99, null)).isFalse();
    assertThat(outcomes).containsExactly("b acked", "a acked");
    assertThat(tracker.outstanding()).isZero();
  }

  @Test
  @DisplayName("the sweep fails only acks past their deadline, and a late ack for them is ignored")
  void sweepFailsOverdueAcks() {
    long early = tracker.await(waiter("early"), 100);
    tracker.await(waiter("late"), 200);

    assertThat(tracker.expire(150)).isEqualTo(1);
    assertThat(tracker.complete(early, null)).isFalse();
    assertThat(tracker.expire(199)).isZero();
    assertThat(outcomes).containsExactly("early failed");
    assertThat(tracker.outstanding()).isEqualTo(1);
  }

  @Test
  @DisplayName("thousands outstanding at once keep their ids and deadlines as the ring grows")
  void growsWithoutLosingAcks() {
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      ids.add(tracker.await(waiter(Integer.toString(i)), i));
    }
    tracker.complete(ids.get(4_999), null);
    assertThat(tracker.expire(2_499)).isEqualTo(2_500);
    tracker.failAll("closed");
    assertThat(outcomes).hasSize(5_000).startsWith("4999 acked", "0 failed").endsWith("4998 failed");
  }

  private AckTracker.Waiter waiter(String name) {
    return new AckTracker.Waiter() {
      @Override
      public void acked(InboundPacket ack) {
        outcomes.add(name + " acked");
      }

      @Override
      public void failed(String reason) {
        outcomes.add(name + " failed");
      }
    };
  }
}
