package io.gatehouse.ekyc;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.Optional;
import java.util.UUID;

/** Verification transactions and slots in {@code ekyc.verifications}; times come from the database clock. */
final class SlotRepository {

  /** What frame processing needs of an open slot. */
  record OpenSlot(UUID userId, String verifierId, JsonObject progress) {
  }

  /** Outcome of an allotment attempt. */
  enum Allotment { ALLOTTED, NO_TRANSACTION, FULL }

  private final Pool pool;

  SlotRepository(Pool pool) {
    this.pool = pool;
  }

  Future<Void> open(String transactionId, UUID userId, long ttlSeconds) {
    return pool.preparedQuery("INSERT INTO ekyc.verifications (transaction_id, user_id, expires_at) "
        + "VALUES ($1, $2, now() + $3 * interval '1 second')")
      .execute(Tuple.of(transactionId, userId, (double) ttlSeconds)).mapEmpty();
  }

  /**
   * Allots the slot under a cluster-wide lock (a transaction-scoped advisory lock), so concurrent allotments on
   * any node never exceed {@code maxSlots} open slots.
   */
  Future<Allotment> allot(String transactionId, String verifierId, String slotId, int maxSlots, long slotTtl) {
    return pool.withTransaction(connection -> connection.query("SELECT pg_advisory_xact_lock(7212001)").execute()
      .compose(locked -> openSlots(connection))
      .compose(open -> open >= maxSlots
        ? Future.succeededFuture(Allotment.FULL)
        : connection.preparedQuery("UPDATE ekyc.verifications SET verifier_id = $2, slot_id = $3, status = 'STARTED', "
            + "allotted_at = now(), updated_at = now(), expires_at = now() + $4 * interval '1 second' "
            + "WHERE transaction_id = $1 AND status IS NULL AND expires_at > now()")
          .execute(Tuple.of(transactionId, verifierId, slotId, (double) slotTtl))
          .map(rows -> rows.rowCount() == 1 ? Allotment.ALLOTTED : Allotment.NO_TRANSACTION)));
  }

  private static Future<Long> openSlots(SqlConnection connection) {
    return connection.query("SELECT count(*) AS open FROM ekyc.verifications WHERE status = 'STARTED' "
        + "AND expires_at > now()").execute()
      .map(rows -> rows.iterator().next().getLong("open"));
  }

  /** Uses the slot's cookie for its one handshake; the verifier id when it was allotted, open and unused. */
  Future<Optional<String>> claim(String transactionId, String slotId) {
    return pool.preparedQuery("UPDATE ekyc.verifications SET cookie_used = true, updated_at = now() "
        + "WHERE transaction_id = $1 AND slot_id = $2 AND status = 'STARTED' AND NOT cookie_used "
        + "AND expires_at > now() RETURNING verifier_id")
      .execute(Tuple.of(transactionId, slotId))
      .map(rows -> first(rows).map(row -> row.getString("verifier_id")));
  }

  /** A claimed slot still in progress. */
  Future<Optional<OpenSlot>> openSlot(String transactionId, String slotId) {
    return pool.preparedQuery("SELECT user_id, verifier_id, progress FROM ekyc.verifications WHERE transaction_id = $1 "
        + "AND slot_id = $2 AND status = 'STARTED' AND cookie_used AND expires_at > now()")
      .execute(Tuple.of(transactionId, slotId))
      .map(rows -> first(rows).map(row -> new OpenSlot(row.getUUID("user_id"), row.getString("verifier_id"),
        (JsonObject) row.getValue("progress"))));
  }

  /** Stores a step's progress and, when {@code status} is set, the new status (only from STARTED/UPDATE_PENDING). */
  Future<Void> update(String transactionId, JsonObject progress, String status, JsonArray claims) {
    return pool.preparedQuery("UPDATE ekyc.verifications SET progress = $2, status = COALESCE($3, status), "
        + "verified_claims = COALESCE($4, verified_claims), updated_at = now() WHERE transaction_id = $1 "
        + "AND status IN ('STARTED', 'UPDATE_PENDING')")
      .execute(Tuple.of(transactionId, progress, status, claims)).mapEmpty();
  }

  /** Marks an unfinished verification FAILED; the status afterwards, empty for an unknown slot. */
  Future<Optional<String>> fail(String transactionId, String slotId) {
    return pool.preparedQuery("UPDATE ekyc.verifications SET status = CASE WHEN status = 'STARTED' THEN 'FAILED' "
        + "ELSE status END, updated_at = now() WHERE transaction_id = $1 AND slot_id = $2 RETURNING status")
      .execute(Tuple.of(transactionId, slotId))
      .map(rows -> first(rows).map(row -> row.getString("status")));
  }

  /** The status of a transaction (null until a slot is allotted); empty when unknown. */
  Future<Optional<String>> status(String transactionId) {
    return pool.preparedQuery("SELECT coalesce(status, '') AS status FROM ekyc.verifications WHERE transaction_id = $1")
      .execute(Tuple.of(transactionId))
      .map(rows -> first(rows).map(row -> row.getString("status")));
  }

  private static Optional<Row> first(RowSet<Row> rows) {
    return rows.size() == 0 ? Optional.empty() : Optional.of(rows.iterator().next());
  }
}
