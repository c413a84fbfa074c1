package io.gatehouse.contract.face;

import io.gatehouse.contract.BinaryRecordCodec;
import io.gatehouse.contract.ContractCodec;
import io.gatehouse.contract.JsonRecordCodec;

import java.util.List;

/** The codecs of the face-processing message family: binary for frames and analyses, JSON for sessions. */
public final class FaceMessages {

  /** Wire format version of the binary records; bump it when their field order changes. */
  public static final int WIRE_VERSION = 1;
  /** {@link FrameAnalysis} gained its eye score in version 2: a node of the previous layout refuses it by name. */
  public static final int FRAME_ANALYSIS_VERSION = 3;
  /** {@link AnalyzeFrame} asks for a descriptor since version 2 (and its reply may carry one since analysis 3). */
  public static final int ANALYZE_FRAME_VERSION = 2;

  public static final BinaryRecordCodec<AnalyzeFrame> ANALYZE_FRAME =
    new BinaryRecordCodec<>(AnalyzeFrame.class, ANALYZE_FRAME_VERSION, AnalyzeFrame::writeTo, AnalyzeFrame::readFrom);
  public static final BinaryRecordCodec<FrameAnalysis> FRAME_ANALYSIS =
    new BinaryRecordCodec<>(FrameAnalysis.class, FRAME_ANALYSIS_VERSION, FrameAnalysis::writeTo, FrameAnalysis::readFrom);
  public static final BinaryRecordCodec<SessionFrame> SESSION_FRAME =
    new BinaryRecordCodec<>(SessionFrame.class, WIRE_VERSION, SessionFrame::writeTo, SessionFrame::readFrom);

  public static final List<ContractCodec<?>> CODECS = List.of(
    ContractCodec.of(ANALYZE_FRAME),
    ContractCodec.of(FRAME_ANALYSIS),
    ContractCodec.of(SESSION_FRAME),
    ContractCodec.of(new JsonRecordCodec<>(CreateFaceSession.class, CreateFaceSession::toJson,
      CreateFaceSession::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(FaceSessionTicket.class, FaceSessionTicket::toJson,
      FaceSessionTicket::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(OpenFaceSession.class, OpenFaceSession::toJson, OpenFaceSession::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(FaceSessionOpened.class, FaceSessionOpened::toJson,
      FaceSessionOpened::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(CloseFaceSession.class, CloseFaceSession::toJson,
      CloseFaceSession::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(FrameOutcome.class, FrameOutcome::toJson, FrameOutcome::fromJson)));

  private FaceMessages() {
  }
}
