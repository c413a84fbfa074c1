package io.gatehouse.auth;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.UUID;

/** Signup transactions, blocks and signup accounts in schema {@code auth}; times come from the database clock. */
final class SignupRepository {

  /** A challenge transaction as a regeneration or verification sees it. */
  record Challenge(String identifier, String purpose, byte[] otpHash, boolean otpExpired, boolean tooEarly,
                   int sends, int verifyAttempts) {
  }

  /** A verified transaction as register and reset see it. */
  record Verified(byte[] idHash, String identifier, String purpose, String status) {
  }

  private final Pool pool;

  SignupRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Boolean> blocked(String identifier) {
    return pool.preparedQuery("SELECT 1 FROM auth.signup_blocks WHERE identifier = $1 AND blocked_until > now()")
      .execute(Tuple.of(identifier)).map(rows -> rows.size() > 0);
  }

  Future<Void> block(String identifier, long seconds) {
    return pool.preparedQuery("INSERT INTO auth.signup_blocks (identifier, blocked_until) VALUES ($1, now() + $2 * "
        + "interval '1 second') ON CONFLICT (identifier) DO UPDATE SET blocked_until = EXCLUDED.blocked_until")
      .execute(Tuple.of(identifier, (double) seconds)).mapEmpty();
  }

  /** What one identifier used within the last {@code windowSeconds}, over all its transactions. */
  record IdentifierUse(int sends, int failedVerifies) {
  }

  Future<IdentifierUse> identifierUse(String identifier, long windowSeconds) {
    return pool.preparedQuery("SELECT coalesce(sum(sends), 0)::int AS sends, coalesce(sum(failed_verifies), 0)::int "
        + "AS failed FROM auth.signup_transactions WHERE identifier = $1 AND created_at > now() - $2 * "
        + "interval '1 second'")
      .execute(Tuple.of(identifier, (double) windowSeconds))
      .map(rows -> first(rows).map(row -> new IdentifierUse(row.getInteger("sends"), row.getInteger("failed")))
        .orElse(new IdentifierUse(0, 0)));
  }

  Future<Void> countFailedVerify(byte[] idHash) {
    return pool.preparedQuery("UPDATE auth.signup_transactions SET failed_verifies = failed_verifies + 1 "
        + "WHERE id_hash = $1").execute(Tuple.of(bytes(idHash))).mapEmpty();
  }

  Future<Void> insert(byte[] idHash, String identifier, String purpose, byte[] otpHash, long otpTtl, long ttl) {
    return pool.preparedQuery("INSERT INTO auth.signup_transactions (id_hash, identifier, purpose, otp_hash, "
        + "otp_expires_at, expires_at) VALUES ($1, $2, $3, $4, now() + $5 * interval '1 second', "
        + "now() + $6 * interval '1 second')")
      .execute(Tuple.of(bytes(idHash), identifier, purpose, bytes(otpHash), (double) otpTtl, (double) ttl)).mapEmpty();
  }

  /** A live, not yet verified challenge; {@code tooEarly} when it was last sent less than {@code resendDelay} ago. */
  Future<Optional<Challenge>> challenge(byte[] idHash, long resendDelay) {
    return pool.preparedQuery("SELECT identifier, purpose, otp_hash, otp_expires_at <= now() AS otp_expired, "
        + "last_sent_at + $2 * interval '1 second' > now() AS too_early, sends, verify_attempts "
        + "FROM auth.signup_transactions WHERE id_hash = $1 AND verified_hash IS NULL AND expires_at > now()")
      .execute(Tuple.of(bytes(idHash), (double) resendDelay)).map(rows -> first(rows).map(SignupRepository::challenge));
  }

  Future<Void> resend(byte[] idHash, byte[] otpHash, long otpTtl) {
    return pool.preparedQuery("UPDATE auth.signup_transactions SET otp_hash = $2, otp_expires_at = now() + $3 * "
        + "interval '1 second', last_sent_at = now(), sends = sends + 1, verify_attempts = 0 WHERE id_hash = $1")
      .execute(Tuple.of(bytes(idHash), bytes(otpHash), (double) otpTtl)).mapEmpty();
  }

  /** Counts one verification attempt atomically; empty when the transaction is gone or out of attempts. */
  Future<Optional<Challenge>> countAttempt(byte[] idHash, int maxAttempts) {
    return pool.preparedQuery("UPDATE auth.signup_transactions SET verify_attempts = verify_attempts + 1 "
        + "WHERE id_hash = $1 AND verified_hash IS NULL AND expires_at > now() AND verify_attempts < $2 "
        + "RETURNING identifier, purpose, otp_hash, otp_expires_at <= now() AS otp_expired, false AS too_early, "
        + "sends, verify_attempts")
      .execute(Tuple.of(bytes(idHash), maxAttempts)).map(rows -> first(rows).map(SignupRepository::challenge));
  }

  Future<Void> markVerified(byte[] idHash, byte[] verifiedHash, long ttl) {
    return pool.preparedQuery("UPDATE auth.signup_transactions SET verified_hash = $2, expires_at = now() + $3 * "
        + "interval '1 second' WHERE id_hash = $1")
      .execute(Tuple.of(bytes(idHash), bytes(verifiedHash), (double) ttl)).mapEmpty();
  }

  Future<Optional<Verified>> verified(byte[] verifiedHash) {
    return pool.preparedQuery("SELECT id_hash, identifier, purpose, status FROM auth.signup_transactions "
        + "WHERE verified_hash = $1 AND expires_at > now()")
      .execute(Tuple.of(bytes(verifiedHash))).map(rows -> first(rows).map(row -> new Verified(
        row.getBuffer("id_hash").getBytes(), row.getString("identifier"), row.getString("purpose"),
        row.getString("status"))));
  }

  /** Sets the outcome once; false when another request already did. */
  Future<Boolean> finish(byte[] idHash, String status) {
    return pool.preparedQuery("UPDATE auth.signup_transactions SET status = $2 WHERE id_hash = $1 AND status IS NULL")
      .execute(Tuple.of(bytes(idHash), status)).map(rows -> rows.rowCount() == 1);
  }

  Future<Boolean> accountExists(String identifier) {
    return pool.preparedQuery("SELECT 1 FROM auth.users WHERE identifier = $1 OR username = $1")
      .execute(Tuple.of(identifier)).map(rows -> rows.size() > 0);
  }

  /** Fails with a unique violation when the identifier (also the username) is taken. */
  Future<Void> insertAccount(UUID id, String identifier, String fullName, String passwordHash) {
    return pool.preparedQuery("INSERT INTO auth.users (id, username, identifier, full_name, password_hash) "
        + "VALUES ($1, $2, $2, $3, $4)")
      .execute(Tuple.of(id, identifier, fullName, passwordHash)).mapEmpty();
  }

  Future<Boolean> setPassword(String identifier, String passwordHash) {
    return pool.preparedQuery("UPDATE auth.users SET password_hash = $2 WHERE identifier = $1")
      .execute(Tuple.of(identifier, passwordHash)).map(rows -> rows.rowCount() == 1);
  }

  Future<Boolean> markUserVerified(UUID userId) {
    return pool.preparedQuery("UPDATE auth.users SET verified = true, verified_at = now() WHERE id = $1")
      .execute(Tuple.of(userId)).map(rows -> rows.rowCount() == 1);
  }

  private static Challenge challenge(Row row) {
    return new Challenge(row.getString("identifier"), row.getString("purpose"), row.getBuffer("otp_hash").getBytes(),
      row.getBoolean("otp_expired"), row.getBoolean("too_early"), row.getInteger("sends"),
      row.getInteger("verify_attempts"));
  }

  private static Buffer bytes(byte[] value) {
    return Buffer.buffer(value);
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
  }
}
