package io.gatehouse.gateway.socketio;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("session table and ack ids")
class SessionTableTest {

  @Test
  @DisplayName("every sid names its owner, so another instance knows where to forward it")
  void sidsNameTheirOwner() {
    SessionTable<String> here = new SessionTable<>();
    SessionTable<String> there = new SessionTable<>();
    String sid = here.newSid();

    assertThat(SessionTable.ownerOf(sid)).isEqualTo(here.ownerId());
    assertThat(here.ownedHere(sid)).isTrue();
    assertThat(there.ownedHere(sid)).isFalse();
    assertThat(here.newSid()).isNotEqualTo(sid);
  }

  @Test
  @DisplayName("malformed sids name no owner")
  void malformedSids() {
    assertThat(SessionTable.ownerOf(null)).isNull();
    assertThat(SessionTable.ownerOf("short")).isNull();
    assertThat(SessionTable.ownerOf("a".repeat(33) + "/")).isNull();
  }

  @Test
  @DisplayName("an ack id is answered once; a repeated id in flight and too many in flight are protocol errors")
  void ackIdsAreAnsweredOnce() {
    AckIds acks = new AckIds(2);
    acks.begin(1);
    assertThatThrownBy(() -> acks.begin(1)).isInstanceOf(ProtocolError.class);
    acks.begin(2);
    assertThatThrownBy(() -> acks.begin(3)).isInstanceOf(ProtocolError.class);
    assertThat(acks.finish(1)).isTrue();
    assertThat(acks.finish(1)).isFalse();
    acks.begin(1);
    assertThat(acks.inFlight()).isEqualTo(2);
  }
}
