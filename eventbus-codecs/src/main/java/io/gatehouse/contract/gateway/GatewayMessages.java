package io.gatehouse.contract.gateway;

import io.gatehouse.contract.ContractCodec;
import io.gatehouse.contract.JsonRecordCodec;

import java.util.List;

/** Codecs of the messages gateways send each other. */
public final class GatewayMessages {

  public static final List<ContractCodec<?>> CODECS = List.of(
    ContractCodec.of(new JsonRecordCodec<>(MembershipChange.class, MembershipChange::toJson, MembershipChange::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(MessageSeen.class, MessageSeen::toJson, MessageSeen::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(PollForward.class, PollForward::toJson, PollForward::fromJson)),
    ContractCodec.of(new JsonRecordCodec<>(PollAnswer.class, PollAnswer::toJson, PollAnswer::fromJson)));

  private GatewayMessages() {
  }
}
