package io.gatehouse.contract.ekyc;

import io.gatehouse.contract.BinaryRecordCodec;
import io.gatehouse.contract.ContractCodec;
import io.gatehouse.contract.JsonRecordCodec;

import java.util.List;

/** The codecs of the eKYC message family: binary for frames, JSON for the control plane. */
public final class EkycMessages {

  /** Wire format version of the binary records; bump it when their field order changes. */
  public static final int WIRE_VERSION = 1;

  public static final BinaryRecordCodec<ProcessFrames> PROCESS_FRAMES =
    new BinaryRecordCodec<>(ProcessFrames.class, WIRE_VERSION, ProcessFrames::writeTo, ProcessFrames::readFrom);

  public static final List<ContractCodec<?>> CODECS = List.of(
    ContractCodec.of(PROCESS_FRAMES),
    json(new JsonRecordCodec<>(StartVerification.class, StartVerification::toJson, StartVerification::fromJson)),
    json(new JsonRecordCodec<>(VerificationStarted.class, VerificationStarted::toJson, VerificationStarted::fromJson)),
    json(new JsonRecordCodec<>(VerifierQuery.class, VerifierQuery::toJson, VerifierQuery::fromJson)),
    json(new JsonRecordCodec<>(VerifierDetails.class, VerifierDetails::toJson, VerifierDetails::fromJson)),
    json(new JsonRecordCodec<>(AllotSlot.class, AllotSlot::toJson, AllotSlot::fromJson)),
    json(new JsonRecordCodec<>(SlotRef.class, SlotRef::toJson, SlotRef::fromJson)),
    json(new JsonRecordCodec<>(SlotClaimed.class, SlotClaimed::toJson, SlotClaimed::fromJson)),
    json(new JsonRecordCodec<>(VerificationStatus.class, VerificationStatus::toJson, VerificationStatus::fromJson)),
    json(new JsonRecordCodec<>(SlotClosed.class, SlotClosed::toJson, SlotClosed::fromJson)),
    json(new JsonRecordCodec<>(FrameResults.class, FrameResults::toJson, FrameResults::fromJson)));

  private EkycMessages() {
  }

  private static <T> ContractCodec<T> json(JsonRecordCodec<T> codec) {
    return ContractCodec.of(codec);
  }
}
