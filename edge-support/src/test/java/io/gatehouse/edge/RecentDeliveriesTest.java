package io.gatehouse.edge;

import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.MessagePosition;
import io.gatehouse.contract.routing.TopicKind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("recent deliveries: where the last few delivered messages sit, in a fixed amount of memory")
class RecentDeliveriesTest {

  private static final String SENDER = UUID.randomUUID().toString();

  private static Delivery delivery(String id, long topicId, long seq) {
    return new Delivery(topicId, "t", TopicKind.PUBLIC, seq, id, SENDER, "alice", 0, "c", false);
  }

  @Test
  @DisplayName("a remembered message is found by its id; older ones fall out once the ring is full")
  void ringKeepsTheLatest() {
    RecentDeliveries recent = new RecentDeliveries(3);
    String[] ids = new String[5];
    for (int i = 0; i < 5; i++) {
      ids[i] = UUID.randomUUID().toString();
      recent.remember(delivery(ids[i], 10 + i, 100 + i));
    }
    assertThat(recent.positionOf(ids[4])).isEqualTo(new MessagePosition(14, 104, SENDER));
    assertThat(recent.positionOf(ids[2])).isEqualTo(new MessagePosition(12, 102, SENDER));
    assertThat(recent.positionOf(ids[1])).as("pushed out: the caller asks the log").isNull();
  }

  @Test
  @DisplayName("ids that are not UUIDs, unknown ids and an empty ring find nothing; capacity 0 keeps nothing")
  void badInput() {
    RecentDeliveries recent = new RecentDeliveries(4);
    assertThat(recent.positionOf(UUID.randomUUID().toString())).isNull();
    recent.remember(delivery("not-a-uuid", 1, 1));
    assertThat(recent.positionOf("not-a-uuid")).isNull();
    assertThat(recent.positionOf(null)).isNull();
    assertThat(recent.positionOf("zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz")).isNull();
    RecentDeliveries none = new RecentDeliveries(0);
    String id = UUID.randomUUID().toString();
    none.remember(delivery(id, 1, 1));
    assertThat(none.positionOf(id)).isNull();
    assertThatThrownBy(() -> new RecentDeliveries(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a message delivered twice (live, then again from the log) is found at its latest position")
  void latestWins() {
    RecentDeliveries recent = new RecentDeliveries(8);
    String id = UUID.randomUUID().toString();
    recent.remember(delivery(id, 1, 5));
    recent.remember(delivery(id, 1, 5));
    assertThat(recent.positionOf(id)).isEqualTo(new MessagePosition(1, 5, SENDER));
  }
}
