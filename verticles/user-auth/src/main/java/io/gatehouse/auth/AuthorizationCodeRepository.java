package io.gatehouse.auth;

import io.gatehouse.contract.auth.UserSummary;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.UUID;

/** Authorization codes in {@code auth.authorization_codes}, keyed by the SHA-256 of the code. */
final class AuthorizationCodeRepository {

  private final Pool pool;

  AuthorizationCodeRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Stores a code for {@code userId} expiring {@code ttlSeconds} after the database's now; returns that
   * expiry in epoch seconds. Fails with a foreign-key violation when the user does not exist.
   */
  Future<Long> insert(byte[] codeHash, UUID userId, long ttlSeconds) {
    return pool.preparedQuery("INSERT INTO auth.authorization_codes (code_hash, user_id, expires_at)"
        + " VALUES ($1, $2, now() + make_interval(secs => $3))"
        + " RETURNING floor(extract(epoch FROM expires_at))::bigint AS expires_at")
      .execute(Tuple.of(Buffer.buffer(codeHash), userId, (double) ttlSeconds))
      .map(rows -> rows.iterator().next().getLong("expires_at"));
  }

  /** Marks the code used and returns its user, in one statement, only if it is unused and unexpired. */
  Future<Optional<UserSummary>> redeem(byte[] codeHash) {
    return pool.preparedQuery("UPDATE auth.authorization_codes c SET used_at = now() FROM auth.users u"
        + " WHERE c.code_hash = $1 AND c.used_at IS NULL AND c.expires_at > now() AND u.id = c.user_id"
        + " RETURNING u.id, u.username")
      .execute(Tuple.of(Buffer.buffer(codeHash)))
      .map(rows -> rows.size() == 0
        ? Optional.empty()
        : Optional.of(rows.iterator().next()).map(row -> new UserSummary(row.getUUID("id").toString(),
          row.getString("username"))));
  }
}
