package io.gatehouse.gateway.face;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("face frame pacing: one frame per interval on average, arrival jitter forgiven")
class FrameGateTest {

  private static final long MS = 1_000_000;

  @Test
  @DisplayName("a frame right behind the previous one is refused and books nothing")
  void backToBackIsRefused() {
    FrameGate gate = new FrameGate(100, 50, 10);
    assertThat(gate.admit(0)).isEqualTo(FrameGate.Verdict.ACCEPT);
    assertThat(gate.admit(MS)).isEqualTo(FrameGate.Verdict.TOO_FAST);
    assertThat(gate.admit(49 * MS)).isEqualTo(FrameGate.Verdict.TOO_FAST);
    assertThat(gate.admit(100 * MS)).isEqualTo(FrameGate.Verdict.ACCEPT);
  }

  @Test
  @DisplayName("frames sent 120 ms apart pass when one of them was delayed on the way (arrivals 0, 200, 250, 360)")
  void delayedFrameDoesNotGetTheNextRefused() {
    FrameGate gate = new FrameGate(100, 50, 10);
    assertThat(gate.admit(0)).isEqualTo(FrameGate.Verdict.ACCEPT);
    assertThat(gate.admit(200 * MS)).isEqualTo(FrameGate.Verdict.ACCEPT);
    assertThat(gate.admit(250 * MS)).as("50 ms after the late one").isEqualTo(FrameGate.Verdict.ACCEPT);
    assertThat(gate.admit(360 * MS)).isEqualTo(FrameGate.Verdict.ACCEPT);
  }

  @Test
  @DisplayName("a client sending every 30 ms still gets at most one frame per 100 ms on average")
  void sustainedRateIsBounded() {
    FrameGate gate = new FrameGate(100, 50, 1_000);
    int accepted = 0;
    for (long t = 0; t < 10_000; t += 30) {
      if (gate.admit(t * MS) == FrameGate.Verdict.ACCEPT) {
        accepted++;
      }
    }
    assertThat(accepted).isBetween(95, 101);
  }

  @Test
  @DisplayName("with no tolerance, spacing under the interval is refused as before")
  void zeroTolerance() {
    FrameGate gate = new FrameGate(100, 0, 10);
    gate.admit(0);
    assertThat(gate.admit(200 * MS)).isEqualTo(FrameGate.Verdict.ACCEPT);
    assertThat(gate.admit(299 * MS)).isEqualTo(FrameGate.Verdict.TOO_FAST);
  }

  @Test
  @DisplayName("past the frame cap every frame is OVER_CAP; a tolerance above the interval is refused")
  void capAndBadTolerance() {
    FrameGate gate = new FrameGate(100, 50, 2);
    gate.admit(0);
    gate.admit(100 * MS);
    assertThat(gate.admit(1_000 * MS)).isEqualTo(FrameGate.Verdict.OVER_CAP);
    assertThatThrownBy(() -> new FrameGate(100, 101, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}
