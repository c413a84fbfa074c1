package io.gatehouse.contract;

import io.vertx.core.eventbus.MessageCodec;

/** One message type of the contract and the codec registered as its default, JSON or binary. */
public record ContractCodec<T>(Class<T> type, MessageCodec<T, T> codec) {

  public static <T> ContractCodec<T> of(JsonRecordCodec<T> codec) {
    return new ContractCodec<>(codec.type(), codec);
  }

  public static <T> ContractCodec<T> of(BinaryRecordCodec<T> codec) {
    return new ContractCodec<>(codec.type(), codec);
  }
}
