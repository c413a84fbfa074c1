package io.gatehouse.contract;

import io.gatehouse.contract.face.AnalyzeFrame;
import io.gatehouse.contract.face.FaceDescriptors;
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
  @DisplayName("an image to analyse travels as raw bytes: version, length, bytes — never base64 — and the "
    + "descriptor flag")
  void analyzeFrameGoldenBytes() {
    assertThat(hex(FaceMessages.ANALYZE_FRAME.encode(new AnalyzeFrame(new byte[] {(byte) 0xff, (byte) 0xd8}))))
      .isEqualTo("02" + "00000002" + "ffd8" + "00");
    assertThat(hex(FaceMessages.ANALYZE_FRAME.encode(new AnalyzeFrame(new byte[] {1}, true))))
      .isEqualTo("02" + "00000001" + "01" + "01");
  }

  @Test
  @DisplayName("an analysis (format 3) is its face count, eye state, six doubles in a fixed order and the "
    + "descriptor's length (-1: none) and floats")
  void frameAnalysisGoldenBytes() {
    FrameAnalysis analysis = new FrameAnalysis(1, true, 0.5, 0.25, 0.125, -1.0, 1.0, 0.25);
    assertThat(hex(FaceMessages.FRAME_ANALYSIS.encode(analysis))).isEqualTo("03" + "00000001" + "01"
      + "3fe0000000000000" + "3fd0000000000000" + "3fc0000000000000" + "bff0000000000000" + "3ff0000000000000"
      + "3fd0000000000000" + "ffffffff");
    String described = hex(FaceMessages.FRAME_ANALYSIS.encode(analysis.withDescriptor(new float[] {1f, -2f})));
    assertThat(described).endsWith("00000002" + "3f800000" + "c0000000");
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
    assertThat(roundTrip(FaceMessages.ANALYZE_FRAME, new AnalyzeFrame(image, true)))
      .isEqualTo(new AnalyzeFrame(image, true)).isNotEqualTo(new AnalyzeFrame(image));
    float[] descriptor = new float[FaceDescriptors.LENGTH];
    descriptor[127] = 0.125f;
    FrameAnalysis described = new FrameAnalysis(1, true, 0.5, 0.5, 0.2, 0.1, 0.9, 0.3, descriptor);
    assertThat(roundTrip(FaceMessages.FRAME_ANALYSIS, described)).isEqualTo(described);
  }

  @Test
  @DisplayName("two descriptors are the same person within the threshold; descriptors of other lengths never are")
  void descriptorRule() {
    float[] a = new float[FaceDescriptors.LENGTH];
    float[] b = a.clone();
    b[0] = 0.5f;
    assertThat(FaceDescriptors.distance(a, b)).isEqualTo(0.5);
    assertThat(FaceDescriptors.samePerson(a, b, FaceDescriptors.DEFAULT_THRESHOLD)).isTrue();
    b[1] = 0.5f;
    assertThat(FaceDescriptors.samePerson(a, b, FaceDescriptors.DEFAULT_THRESHOLD)).isFalse();
    assertThat(FaceDescriptors.samePerson(a, new float[3], FaceDescriptors.DEFAULT_THRESHOLD)).isFalse();
  }

  @Test
  @DisplayName("a frame outcome survives its JSON codec, absent fields included")
  void outcomeJson() {
    FrameOutcome outcome = new FrameOutcome(FrameOutcome.Kind.PROGRESS, null, "go on", 2, 3, true, 1, false, false,
      0.5, 0.8, null, 0, null);
    assertThat(FrameOutcome.fromJson(outcome.toJson())).isEqualTo(outcome);
  }
}
