package io.gatehouse.auth;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.UUID;

/** API clients in {@code auth.api_clients}; the secret column only ever holds sealed bytes. */
final class ApiClientRepository {

  /** An API client row; {@code sealedSecret} is opened with the {@link SecretBox} and the id as associated data. */
  record StoredClient(UUID id, String name, String apiKey, byte[] sealedSecret) {

    @Override
    public String toString() {
      return "StoredClient[id=" + id + ", name=" + name + "]";
    }
  }

  private static final String COLUMNS = "SELECT id, name, api_key, secret_sealed FROM auth.api_clients";

  private final Pool pool;

  ApiClientRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Void> insert(StoredClient client) {
    return pool.preparedQuery("INSERT INTO auth.api_clients (id, name, api_key, secret_sealed) VALUES ($1, $2, $3, $4)")
      .execute(Tuple.of(client.id(), client.name(), client.apiKey(), Buffer.buffer(client.sealedSecret())))
      .mapEmpty();
  }

  Future<Optional<StoredClient>> findByApiKey(String apiKey) {
    return pool.preparedQuery(COLUMNS + " WHERE api_key = $1").execute(Tuple.of(apiKey))
      .map(ApiClientRepository::first);
  }

  Future<Optional<StoredClient>> findById(UUID id) {
    return pool.preparedQuery(COLUMNS + " WHERE id = $1").execute(Tuple.of(id))
      .map(ApiClientRepository::first);
  }

  private static Optional<StoredClient> first(RowSet<Row> rows) {
    if (rows.size() == 0) {
      return Optional.empty();
    }
    Row row = rows.iterator().next();
    return Optional.of(new StoredClient(row.getUUID("id"), row.getString("name"), row.getString("api_key"),
      row.getBuffer("secret_sealed").getBytes()));
  }
}
