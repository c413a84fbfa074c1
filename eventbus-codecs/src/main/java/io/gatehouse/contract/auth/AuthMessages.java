package io.gatehouse.contract.auth;

import io.gatehouse.contract.JsonRecordCodec;

import java.util.List;

/** The codecs of the user-auth message family. */
public final class AuthMessages {

  public static final List<JsonRecordCodec<?>> CODECS = List.of(
    new JsonRecordCodec<>(RegisterUser.class, RegisterUser::toJson, RegisterUser::fromJson),
    new JsonRecordCodec<>(LoginUser.class, LoginUser::toJson, LoginUser::fromJson),
    new JsonRecordCodec<>(UserSession.class, UserSession::toJson, UserSession::fromJson),
    new JsonRecordCodec<>(VerifyToken.class, VerifyToken::toJson, VerifyToken::fromJson),
    new JsonRecordCodec<>(Principal.class, Principal::toJson, Principal::fromJson),
    new JsonRecordCodec<>(FindUser.class, FindUser::toJson, FindUser::fromJson),
    new JsonRecordCodec<>(UserSummary.class, UserSummary::toJson, UserSummary::fromJson),
    new JsonRecordCodec<>(ListUsers.class, ListUsers::toJson, ListUsers::fromJson),
    new JsonRecordCodec<>(UserPage.class, UserPage::toJson, UserPage::fromJson),
    new JsonRecordCodec<>(CreateApiClient.class, CreateApiClient::toJson, CreateApiClient::fromJson),
    new JsonRecordCodec<>(ApiClientKeys.class, ApiClientKeys::toJson, ApiClientKeys::fromJson),
    new JsonRecordCodec<>(ClientTokenRequest.class, ClientTokenRequest::toJson, ClientTokenRequest::fromJson),
    new JsonRecordCodec<>(IssuedToken.class, IssuedToken::toJson, IssuedToken::fromJson),
    new JsonRecordCodec<>(ClientSecretRequest.class, ClientSecretRequest::toJson, ClientSecretRequest::fromJson),
    new JsonRecordCodec<>(IssueCode.class, IssueCode::toJson, IssueCode::fromJson),
    new JsonRecordCodec<>(RedeemCode.class, RedeemCode::toJson, RedeemCode::fromJson));

  private AuthMessages() {
  }
}
