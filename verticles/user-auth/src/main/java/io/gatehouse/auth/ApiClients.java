package io.gatehouse.auth;

import io.gatehouse.auth.ApiClientRepository.StoredClient;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.auth.ApiClientKeys;
import io.gatehouse.contract.auth.ClientSecretRequest;
import io.gatehouse.contract.auth.ClientTokenRequest;
import io.gatehouse.contract.auth.CreateApiClient;
import io.gatehouse.contract.auth.IssuedToken;
import io.gatehouse.contract.auth.Principal;
import io.vertx.core.Future;

import java.security.GeneralSecurityException;
import java.util.Optional;
import java.util.UUID;

/** API clients (tenants): creation, client tokens, and their secrets, which are sealed at rest. */
final class ApiClients {

  static final String INVALID_NAME = "invalid_name";
  static final String INVALID_CLIENT = "invalid_client";
  static final String CLIENT_NOT_FOUND = "client_not_found";
  static final int MAX_NAME_CHARS = 128;
  static final int API_KEY_BYTES = 24;
  static final int SECRET_BYTES = 32;

  private final ApiClientRepository clients;
  private final SecretBox box;
  private final TokenService tokens;
  private final long clientTokenTtlSeconds;

  ApiClients(ApiClientRepository clients, SecretBox box, TokenService tokens, long clientTokenTtlSeconds) {
    this.clients = clients;
    this.box = box;
    this.tokens = tokens;
    this.clientTokenTtlSeconds = clientTokenTtlSeconds;
  }

  /** Creates a client; the reply is the only time its secret leaves this service unasked. */
  Future<ApiClientKeys> create(CreateApiClient request) {
    String name = request.name();
    if (name == null || name.isBlank() || name.length() > MAX_NAME_CHARS || name.chars().anyMatch(Character::isISOControl)) {
      return ServiceFailure.fail(FailureCode.BAD_REQUEST, INVALID_NAME);
    }
    UUID id = UUID.randomUUID();
    String apiKey = RandomTokens.base64Url(API_KEY_BYTES);
    String secret = RandomTokens.base64Url(SECRET_BYTES);
    return clients.insert(new StoredClient(id, name, apiKey, box.seal(secret, id.toString())))
      .map(v -> new ApiClientKeys(id.toString(), name, apiKey, secret));
  }

  /** A client token for a known API key, checking the secret too when one is given. */
  Future<IssuedToken> token(ClientTokenRequest request) {
    if (request.apiKey() == null) {
      return ServiceFailure.fail(FailureCode.UNAUTHORIZED, INVALID_CLIENT);
    }
    return clients.findByApiKey(request.apiKey())
      .compose(found -> found
        .filter(client -> request.apiSecret() == null || RandomTokens.sameSecret(request.apiSecret(), secretOf(client)))
        .map(client -> Future.succeededFuture(
          tokens.issue(client.id().toString(), client.name(), Principal.Kind.CLIENT, clientTokenTtlSeconds)))
        .orElseGet(() -> ServiceFailure.fail(FailureCode.UNAUTHORIZED, INVALID_CLIENT)));
  }

  Future<ApiClientKeys> secret(ClientSecretRequest request) {
    return Uuids.parse(request.clientId())
      .map(clients::findById)
      .orElseGet(() -> Future.succeededFuture(Optional.empty()))
      .compose(found -> found
        .map(client -> Future.succeededFuture(
          new ApiClientKeys(client.id().toString(), client.name(), client.apiKey(), secretOf(client))))
        .orElseGet(() -> ServiceFailure.fail(FailureCode.NOT_FOUND, CLIENT_NOT_FOUND)));
  }

  private String secretOf(StoredClient client) {
    try {
      return box.open(client.sealedSecret(), client.id().toString());
    } catch (GeneralSecurityException e) {
      // Wrong master key or an altered row: an operator problem, reported as internal and logged upstream.
      throw new IllegalStateException("cannot open the sealed secret of client " + client.id(), e);
    }
  }
}
