package io.gatehouse.routing;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Deletes log rows past retention: older than {@code retentionDays}, and beyond the latest
 * {@code retentionMaxPerTopic} of each topic. Age deletes go in bounded chunks so no statement holds
 * locks on a large part of the table.
 */
final class Retention {

  private static final int CHUNK = 10_000;

  private static final String DELETE_OLD = """
    DELETE FROM routing.messages WHERE ctid = ANY (ARRAY(
      SELECT ctid FROM routing.messages WHERE sent_at < $1 LIMIT $2))""";

  private static final String DELETE_BEYOND_MAX = """
    DELETE FROM routing.messages m USING routing.topics t
    WHERE m.topic_id = t.id AND t.last_seq > $1 AND m.seq <= t.last_seq - $1""";

  private final Pool pool;
  private final int retentionDays;
  private final int maxPerTopic;
  private boolean sweeping;

  Retention(Pool pool, RoutingOptions options) {
    this.pool = pool;
    this.retentionDays = options.retentionDays();
    this.maxPerTopic = options.retentionMaxPerTopic();
  }

  /** One sweep; returns the number of rows deleted. A sweep asked for while one runs does nothing. */
  Future<Long> sweep() {
    if (sweeping) {
      return Future.succeededFuture(0L);
    }
    sweeping = true;
    return deleteOld(0L)
      .compose(this::deleteBeyondMax)
      .andThen(done -> sweeping = false);
  }

  private Future<Long> deleteOld(long deletedSoFar) {
    if (retentionDays == 0) {
      return Future.succeededFuture(deletedSoFar);
    }
    OffsetDateTime cutoff = OffsetDateTime.now(ZoneOffset.UTC).minus(Duration.ofDays(retentionDays));
    return pool.preparedQuery(DELETE_OLD).execute(Tuple.of(cutoff, CHUNK)).compose(rows -> {
      long deleted = deletedSoFar + rows.rowCount();
      return rows.rowCount() < CHUNK ? Future.succeededFuture(deleted) : deleteOld(deleted);
    });
  }

  private Future<Long> deleteBeyondMax(long deletedSoFar) {
    if (maxPerTopic == 0) {
      return Future.succeededFuture(deletedSoFar);
    }
    return pool.preparedQuery(DELETE_BEYOND_MAX).execute(Tuple.of((long) maxPerTopic))
      .map(rows -> deletedSoFar + rows.rowCount());
  }
}
