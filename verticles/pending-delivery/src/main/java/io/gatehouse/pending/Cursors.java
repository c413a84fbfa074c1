package io.gatehouse.pending;

import io.gatehouse.operations.GatehouseMetrics;
import io.gatehouse.contract.routing.Acked;
import io.gatehouse.contract.routing.CursorList;
import io.gatehouse.contract.routing.RangeStart;
import io.gatehouse.persistence.GroupCommit;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Members' cursors: the highest seq each user acked in each topic. Acks are group-committed, one upsert
 * per batch, and a cursor only ever moves forward.
 */
final class Cursors {

  private static final String ACK = """
    INSERT INTO pending.cursors AS c (user_id, topic_id, acked_seq)
    SELECT * FROM unnest($1::uuid[], $2::bigint[], $3::bigint[])
    ON CONFLICT (user_id, topic_id) DO UPDATE
      SET acked_seq = GREATEST(c.acked_seq, EXCLUDED.acked_seq), updated_at = now()
    RETURNING user_id, topic_id, acked_seq""";

  private static final String OF_TOPICS = """
    SELECT topic_id, acked_seq FROM pending.cursors WHERE user_id = $1 AND topic_id = ANY ($2::bigint[])""";

  private static final String OF_USER = """
    SELECT topic_id, acked_seq FROM pending.cursors WHERE user_id = $1 ORDER BY topic_id""";

  private final Pool pool;
  private final GroupCommit<CursorAck, Acked> acks;

  Cursors(Pool pool, int maxBatch, int maxInFlight) {
    this.pool = pool;
    this.acks = new GroupCommit<>(maxBatch, maxInFlight, this::write);
  }

  /** Completes with the cursor after the ack, once stored. */
  Future<Acked> ack(CursorAck ack) {
    return acks.submit(ack);
  }

  Future<Void> drained() {
    return acks.drained();
  }

  /** The user's cursors in these topics; topics never acked are absent. */
  Future<Map<Long, Long>> of(UUID userId, List<Long> topicIds) {
    Tuple params = Tuple.tuple().addUUID(userId).addArrayOfLong(topicIds.toArray(Long[]::new));
    return pool.preparedQuery(OF_TOPICS).execute(params).map(rows -> {
      Map<Long, Long> cursors = new HashMap<>();
      rows.forEach(row -> cursors.put(row.getLong("topic_id"), row.getLong("acked_seq")));
      return cursors;
    });
  }

  /** Every cursor of this user, and of nobody else. */
  Future<CursorList> all(UUID userId) {
    return pool.preparedQuery(OF_USER).execute(Tuple.of(userId)).map(rows -> new CursorList(rows.stream()
      .map(row -> new RangeStart(row.getLong("topic_id"), row.getLong("acked_seq")))
      .toList()));
  }

  private Future<?> write(List<GroupCommit.Pending<CursorAck, Acked>> batch) {
    GatehouseMetrics.groupCommitBatch("acks", batch.size());
    AckBatch folded = new AckBatch(batch.stream().map(GroupCommit.Pending::request).toList());
    return pool.preparedQuery(ACK).execute(folded.upsertParams()).onSuccess(rows -> {
      Map<CursorAck.CursorKey, Long> stored = new HashMap<>();
      rows.forEach(row -> stored.put(new CursorAck.CursorKey(row.getUUID("user_id"), row.getLong("topic_id")),
        row.getLong("acked_seq")));
      batch.forEach(pending -> pending.reply().complete(AckBatch.acked(pending.request(), stored)));
    });
  }
}
