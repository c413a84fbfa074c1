package io.gatehouse.gateway.face;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FrameEdgeTest {

  @Test
  @DisplayName("frames 100 ms apart pass, closer ones are refused without counting, the cap is final")
  void gatePacesAndCaps() {
    FrameGate gate = new FrameGate(100, 0, 2);
    long ms = 1_000_000;
    assertThat(gate.admit(0)).isEqualTo(FrameGate.Verdict.ACCEPT);
    assertThat(gate.admit(99 * ms)).isEqualTo(FrameGate.Verdict.TOO_FAST);
    assertThat(gate.admit(100 * ms)).isEqualTo(FrameGate.Verdict.ACCEPT);
    assertThat(gate.admit(500 * ms)).isEqualTo(FrameGate.Verdict.OVER_CAP);
  }

  @Test
  @DisplayName("an image is base64 with or without a data: prefix, within the byte limit")
  void imagesDecode() throws Exception {
    byte[] bytes = {1, 2, 3, 4, 5};
    String plain = Base64.getEncoder().encodeToString(bytes);
    assertThat(FrameImages.decode(plain, 100, 10)).isEqualTo(bytes);
    assertThat(FrameImages.decode("data:image/jpeg;base64," + plain, 100, 10)).isEqualTo(bytes);
    assertThatThrownBy(() -> FrameImages.decode(plain, 100, 4)).hasMessageStartingWith("Frame too large");
    assertThatThrownBy(() -> FrameImages.decode("x".repeat(200), 100, 75)).hasMessageStartingWith("Frame too large");
    assertThatThrownBy(() -> FrameImages.decode("data:image/jpeg,abc", 100, 10)).hasMessageContaining("base64");
    assertThatThrownBy(() -> FrameImages.decode("!!!", 100, 10)).hasMessage("Invalid base64 image data");
    assertThatThrownBy(() -> FrameImages.decode("", 100, 10)).hasMessage("Missing image data");
    assertThatThrownBy(() -> FrameImages.decode(null, 100, 10)).hasMessage("Missing image data");
  }
}
