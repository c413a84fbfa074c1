package io.gatehouse.contract.signup;

import io.gatehouse.contract.ContractCodec;
import io.gatehouse.contract.JsonRecordCodec;

import java.util.List;

/** The codecs of the signup message family (OTP challenges, registration, reset), served by user-auth. */
public final class SignupMessages {

  public static final List<ContractCodec<?>> CODECS = List.of(
    json(new JsonRecordCodec<>(IssueChallenge.class, IssueChallenge::toJson, IssueChallenge::fromJson)),
    json(new JsonRecordCodec<>(VerifyChallenge.class, VerifyChallenge::toJson, VerifyChallenge::fromJson)),
    json(new JsonRecordCodec<>(SignupTransaction.class, SignupTransaction::toJson, SignupTransaction::fromJson)),
    json(new JsonRecordCodec<>(CreateAccount.class, CreateAccount::toJson, CreateAccount::fromJson)),
    json(new JsonRecordCodec<>(ResetPassword.class, ResetPassword::toJson, ResetPassword::fromJson)),
    json(new JsonRecordCodec<>(SignupStatusQuery.class, SignupStatusQuery::toJson, SignupStatusQuery::fromJson)),
    json(new JsonRecordCodec<>(SignupStatus.class, SignupStatus::toJson, SignupStatus::fromJson)),
    json(new JsonRecordCodec<>(MarkVerified.class, MarkVerified::toJson, MarkVerified::fromJson)));

  private SignupMessages() {
  }

  private static <T> ContractCodec<T> json(JsonRecordCodec<T> codec) {
    return ContractCodec.of(codec);
  }
}
