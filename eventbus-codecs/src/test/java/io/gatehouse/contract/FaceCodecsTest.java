package io.gatehouse.contract;

import io.gatehouse.contract.face.AnalyzeFrame;
import io.gatehouse.contract.face.FaceMessages;
import io.gatehouse.contract.face.FrameAnalysis;
import io.gatehouse.contract.face.FrameOutcome;
import io.gatehouse.contract.face.SessionFrame;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

class FaceCodecsTest {

  private static String hex(Buffer buffer) {
    return HexFormat.of().formatHex(buffer.getBytes());
  }

  private static <T> T roundTrip(BinaryRecordCodec<T> codec, T value) {
    Buffer frame = Buffer.buffer("prefix");
    codec.encodeToWire(frame, value);
    return codec.decodeFromWire(6, frame);
  }

  @Test
  @DisplayName("an image to analyse travels as raw bytes: version, length, bytes — never base64")
  void analyzeFrameGoldenBytes() {
    assertThat(hex(FaceMessages.ANALYZE_FRAME.encode(new AnalyzeFrame(new byte[] {(byte) 0xff, (byte) 0xd8}))))
      .isEqualTo("01" + "00000002" + "ffd8");
  }

  @Test
  @DisplayName("an analysis (format 2) is its face count, eye state and six doubles in a fixed order")
  void frameAnalysisGoldenBytes() {
    FrameAnalysis analysis = new FrameAnalysis(1, true, 0.5, 0.25, 0.125, -1.0, 1.0, 0.25);
    assertThat(hex(FaceMessages.FRAME_ANALYSIS.encode(analysis))).isEqualTo("02" + "00000001" + "01"
      + "3fe0000000000000" + "3fd0000000000000" + "3fc0000000000000" + "bff0000000000000" + "3ff0000000000000"
      + "3fd0000000000000");
  }

  @Test
  @DisplayName("frames and analyses read back equal from the middle of a bus frame")
  void roundTrips() {
    byte[] image = new byte[70_000];
    image[69_999] = 7;
    assertThat(roundTrip(FaceMessages.ANALYZE_FRAME, new AnalyzeFrame(image))).isEqualTo(new AnalyzeFrame(image));
    assertThat(roundTrip(FaceMessages.SESSION_FRAME, new SessionFrame("s-1", image)))
      .isEqualTo(new SessionFrame("s-1", image));
    FrameAnalysis none = FrameAnalysis.noSingleFace(3);
    assertThat(roundTrip(FaceMessages.FRAME_ANALYSIS, none)).isEqualTo(none);
  }

  @Test
  @DisplayName("a frame outcome survives its JSON codec, absent fields included")
  void outcomeJson() {
    FrameOutcome outcome = new FrameOutcome(FrameOutcome.Kind.PROGRESS, null, "go on", 2, 3, true, 1, false, false,
      0.5, 0.8, null, 0, null);
    assertThat(FrameOutcome.fromJson(outcome.toJson())).isEqualTo(outcome);
  }
}
