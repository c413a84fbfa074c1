package io.gatehouse.auth;

import io.gatehouse.contract.auth.UserSummary;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Users in {@code auth.users}; prepared statements only. */
final class UserRepository {

  /** A user row with what login needs. */
  record StoredUser(UUID id, String username, String passwordHash) {

    @Override
    public String toString() {
      return "StoredUser[id=" + id + ", username=" + username + "]";
    }
  }

  private final Pool pool;

  UserRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts a user; fails with a unique violation ({@link SqlStates#UNIQUE_VIOLATION}) when name or email is taken. */
  Future<Void> insert(UUID id, String username, String email, String passwordHash) {
    return pool.preparedQuery("INSERT INTO auth.users (id, username, email, password_hash) VALUES ($1, $2, $3, $4)")
      .execute(Tuple.of(id, username, email, passwordHash))
      .mapEmpty();
  }

  Future<Optional<StoredUser>> findCredentials(String username) {
    return pool.preparedQuery("SELECT id, username, password_hash FROM auth.users WHERE username = $1")
      .execute(Tuple.of(username))
      .map(rows -> first(rows).map(row ->
        new StoredUser(row.getUUID("id"), row.getString("username"), row.getString("password_hash"))));
  }

  Future<Optional<UserSummary>> findByUsername(String username) {
    return pool.preparedQuery("SELECT id, username FROM auth.users WHERE username = $1")
      .execute(Tuple.of(username))
      .map(rows -> first(rows).map(UserRepository::summary));
  }

  Future<Optional<UserSummary>> findById(UUID id) {
    return pool.preparedQuery("SELECT id, username FROM auth.users WHERE id = $1")
      .execute(Tuple.of(id))
      .map(rows -> first(rows).map(UserRepository::summary));
  }

  /** Those of {@code ids} that are users. */
  Future<Set<UUID>> existing(List<UUID> ids) {
    if (ids.isEmpty()) {
      return Future.succeededFuture(Set.of());
    }
    return pool.preparedQuery("SELECT id FROM auth.users WHERE id = ANY($1)")
      .execute(Tuple.of(ids.toArray(UUID[]::new)))
      .map(rows -> {
        Set<UUID> found = new HashSet<>();
        rows.forEach(row -> found.add(row.getUUID("id")));
        return found;
      });
  }

  /** Up to {@code limit} users ordered by username, strictly after {@code after} when it is not null. */
  Future<List<UserSummary>> listAfter(String after, int limit) {
    Future<RowSet<Row>> rows = after == null
      ? pool.preparedQuery("SELECT id, username FROM auth.users ORDER BY username LIMIT $1").execute(Tuple.of(limit))
      : pool.preparedQuery("SELECT id, username FROM auth.users WHERE username > $1 ORDER BY username LIMIT $2")
        .execute(Tuple.of(after, limit));
    return rows.map(set -> {
      List<UserSummary> users = new ArrayList<>(set.size());
      set.forEach(row -> users.add(summary(row)));
      return users;
    });
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
  }

  private static UserSummary summary(Row row) {
    return new UserSummary(row.getUUID("id").toString(), row.getString("username"));
  }
}
