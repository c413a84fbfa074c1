package io.gatehouse.contract.face;

import io.gatehouse.contract.BinaryRecordCodec;
import io.gatehouse.contract.ContractCodec;

import java.util.List;

/**
 * The codecs of the face-processing message family that eKYC needs: frame analysis. The face branch owns
 * the full family; on merge its version of this file (a superset) replaces this one.
 */
public final class FaceMessages {

  /** Wire format version of the binary records; bump it when their field order changes. */
  public static final int WIRE_VERSION = 1;

  public static final BinaryRecordCodec<AnalyzeFrame> ANALYZE_FRAME =
    new BinaryRecordCodec<>(AnalyzeFrame.class, WIRE_VERSION, AnalyzeFrame::writeTo, AnalyzeFrame::readFrom);
  public static final BinaryRecordCodec<FrameAnalysis> FRAME_ANALYSIS =
    new BinaryRecordCodec<>(FrameAnalysis.class, WIRE_VERSION, FrameAnalysis::writeTo, FrameAnalysis::readFrom);

  public static final List<ContractCodec<?>> CODECS = List.of(
    ContractCodec.of(ANALYZE_FRAME),
    ContractCodec.of(FRAME_ANALYSIS));

  private FaceMessages() {
  }
}
