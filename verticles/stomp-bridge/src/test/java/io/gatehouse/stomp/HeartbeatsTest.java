package io.gatehouse.stomp;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeartbeatsTest {

  @Test
  @DisplayName("periods are the larger of both sides' wishes; 0 on either side switches a direction off")
  void negotiation() {
    assertThat(Heartbeats.negotiate("4000,20000", 10_000)).isEqualTo(new Heartbeats(20_000, 10_000));
    assertThat(Heartbeats.negotiate("0,0", 10_000)).isEqualTo(Heartbeats.NONE);
    assertThat(Heartbeats.negotiate("5000,5000", 0)).isEqualTo(Heartbeats.NONE);
    assertThat(Heartbeats.negotiate(null, 10_000).active()).isFalse();
    assertThat(Heartbeats.negotiate(" 100 , 0 ", 300)).isEqualTo(new Heartbeats(0, 300));
  }

  @Test
  @DisplayName("malformed heart-beat headers are refused")
  void malformed() {
    assertThat(Heartbeats.negotiate("1", 10_000)).isNull();
    assertThat(Heartbeats.negotiate("a,b", 10_000)).isNull();
    assertThat(Heartbeats.negotiate("-1,5", 10_000)).isNull();
    assertThat(Heartbeats.negotiate("99999999999,1", 10_000)).isNull();
  }
}
