package io.gatehouse.persistence;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Removes rows that have expired (signup transactions, authorization codes, slots, face sessions, ...), so that
 * tables do not grow with every abandoned attempt. Each verticle sweeps its own schema: every
 * {@code expirySweepSeconds} of its config section (0 = never) it runs its DELETE statements, each with
 * {@code $1} = that interval in seconds, and deletes rows that expired longer than one interval ago, so that a
 * row just past its end still answers "expired" rather than "not found" for a while.
 */
public final class ExpirySweep {

  public static final long DEFAULT_INTERVAL_SECONDS = 300;
  private static final Logger LOG = LoggerFactory.getLogger(ExpirySweep.class);

  private final Vertx vertx;
  private final Pool pool;
  private final String owner;
  private final long intervalSeconds;
  private final List<String> deletes;
  private long timer = -1;

  private ExpirySweep(Vertx vertx, Pool pool, String owner, long intervalSeconds, List<String> deletes) {
    this.vertx = vertx;
    this.pool = pool;
    this.owner = owner;
    this.intervalSeconds = intervalSeconds;
    this.deletes = List.copyOf(deletes);
  }

  /** Reads {@code expirySweepSeconds} of {@code section} (a verticle's config section) and starts sweeping. */
  public static ExpirySweep start(Vertx vertx, Pool pool, String owner, JsonObject section, List<String> deletes) {
    long interval = section.getLong("expirySweepSeconds", DEFAULT_INTERVAL_SECONDS);
    if (interval < 0) {
      throw new IllegalArgumentException(owner + ".expirySweepSeconds must not be negative");
    }
    ExpirySweep sweep = new ExpirySweep(vertx, pool, owner, interval, deletes);
    if (interval > 0) {
      sweep.timer = vertx.setPeriodic(interval * 1_000L, id -> sweep.sweep()
        .onSuccess(deleted -> {
          if (deleted > 0) {
            LOG.info("{}: removed {} expired rows", owner, deleted);
          }
        })
        .onFailure(failure -> LOG.warn("{}: expiry sweep failed: {}", owner, failure.getMessage())));
    }
    return sweep;
  }

  /** One round of every statement; the number of rows deleted. */
  public Future<Integer> sweep() {
    Tuple grace = Tuple.of((double) intervalSeconds);
    Future<Integer> total = Future.succeededFuture(0);
    for (String delete : deletes) {
      total = total.compose(sum -> pool.preparedQuery(delete).execute(grace).map(rows -> sum + rows.rowCount()));
    }
    return total;
  }

  public void stop() {
    vertx.cancelTimer(timer);
  }
}
