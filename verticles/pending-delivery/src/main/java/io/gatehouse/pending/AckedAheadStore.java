package io.gatehouse.pending;

import io.gatehouse.contract.routing.Ack;
import io.gatehouse.contract.routing.AckedAhead;
import io.gatehouse.contract.routing.AheadQuery;
import io.gatehouse.contract.routing.Acked;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/**
 * Individual acknowledgements beyond a member's cursor (STOMP {@code client-individual}): a cumulative
 * cursor cannot say "the 2nd of 3 is acked, the 1st and 3rd are not", so such acks are kept here until the
 * cursor passes them. Rare next to cumulative acks, so written one at a time.
 */
final class AckedAheadStore {

  private static final String REMEMBER = """
    WITH cursor AS (
      SELECT COALESCE((SELECT acked_seq FROM pending.cursors WHERE user_id = $1 AND topic_id = $2), 0) AS seq),
    passed AS (
      DELETE FROM pending.acked_ahead a USING cursor
      WHERE a.user_id = $1 AND a.topic_id = $2 AND a.seq <= cursor.seq),
    kept AS (
      INSERT INTO pending.acked_ahead (user_id, topic_id, seq)
      SELECT $1, $2, $3 FROM cursor WHERE $3 > cursor.seq
      ON CONFLICT DO NOTHING)
    SELECT seq FROM cursor""";

  private static final String AHEAD = """
    SELECT a.seq FROM pending.acked_ahead a
    WHERE a.user_id = $1 AND a.topic_id = $2 AND a.seq > COALESCE(
      (SELECT acked_seq FROM pending.cursors c WHERE c.user_id = $1 AND c.topic_id = $2), 0)
    ORDER BY a.seq""";

  private final Pool pool;

  AckedAheadStore(Pool pool) {
    this.pool = pool;
  }

  /** Remembers one acked message unless the cursor covers it already; the cursor as it is. */
  Future<Acked> ackOne(Ack ack) {
    CursorAck checked = CursorAck.of(ack);
    return pool.preparedQuery(REMEMBER).execute(Tuple.of(checked.userId(), checked.topicId(), checked.seq()))
      .map(rows -> new Acked(checked.topicId(), rows.iterator().next().getLong("seq")));
  }

  Future<AckedAhead> ahead(AheadQuery query) {
    return pool.preparedQuery(AHEAD).execute(Tuple.of(Requests.userId(query.userId()), query.topicId()))
      .map(rows -> new AckedAhead(query.topicId(), rows.stream().map(row -> row.getLong("seq")).toList()));
  }
}
