package io.gatehouse.stomp;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AckLedgerTest {

  @Test
  @DisplayName("auto: every written message moves the cursor")
  void autoMode() {
    AckLedger ledger = new AckLedger(AckLedger.Mode.AUTO, 0);
    assertThat(ledger.written(1, "m1")).isEqualTo(1);
    assertThat(ledger.written(2, "m2")).isEqualTo(2);
    assertThat(ledger.knows("m1")).isFalse();
  }

  @Test
  @DisplayName("client: an ACK acknowledges its message and every earlier one")
  void clientModeIsCumulative() {
    AckLedger ledger = new AckLedger(AckLedger.Mode.CLIENT, 0);
    ledger.written(1, "m1");
    ledger.written(2, "m2");
    ledger.written(3, "m3");
    assertThat(ledger.ack("m2")).isEqualTo(2);
    assertThat(ledger.knows("m1")).isFalse();
    assertThat(ledger.ack("m1")).isEqualTo(-1);
    assertThat(ledger.ack("m3")).isEqualTo(3);
  }

  @Test
  @DisplayName("client-individual: the cursor moves only over a fully acknowledged prefix")
  void individualModeMovesOverPrefix() {
    AckLedger ledger = new AckLedger(AckLedger.Mode.CLIENT_INDIVIDUAL, 0);
    ledger.written(1, "m1");
    ledger.written(2, "m2");
    ledger.written(3, "m3");
    assertThat(ledger.ack("m2")).isEqualTo(-1);
    assertThat(ledger.ack("m3")).isEqualTo(-1);
    assertThat(ledger.ack("m1")).isEqualTo(3);
    assertThat(ledger.ack("unknown")).isEqualTo(-1);
  }

  @Test
  @DisplayName("ack modes are parsed from the header; anything else is refused")
  void modes() {
    assertThat(AckLedger.Mode.of(null)).isEqualTo(AckLedger.Mode.AUTO);
    assertThat(AckLedger.Mode.of("client-individual")).isEqualTo(AckLedger.Mode.CLIENT_INDIVIDUAL);
    assertThat(AckLedger.Mode.of("sometimes")).isNull();
  }
}
