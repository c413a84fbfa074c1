package io.gatehouse.routing;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Per-user quotas, whatever the connection or protocol a request came from: topics owned and memberships
 * (counted in the database), invites per minute and messages per second (counted by this service instance).
 * A refusal fails FORBIDDEN with a {@code *_quota_exceeded} reason, or RATE_LIMITED. Event-loop confined.
 */
final class UserQuotas {

  static final String TOPIC_QUOTA = "topic_quota_exceeded";
  static final String MEMBERSHIP_QUOTA = "membership_quota_exceeded";
  static final String INVITE_RATE = "invite_rate_exceeded";
  static final String MESSAGE_RATE = "rate_limited";
  private static final int SWEEP_ABOVE = 10_000;

  private final Pool pool;
  private final RoutingOptions options;
  private final Map<UUID, long[]> invites = new HashMap<>();
  private final Map<String, Bucket> messageBuckets = new HashMap<>();

  private static final class Bucket {
    double tokens;
    long lastNanos;

    Bucket(double tokens, long lastNanos) {
      this.tokens = tokens;
      this.lastNanos = lastNanos;
    }

    void refill(long nowNanos, double rate, double burst) {
      tokens = Math.min(burst, tokens + (nowNanos - lastNanos) * rate / 1e9);
      lastNanos = nowNanos;
    }
  }

  UserQuotas(Pool pool, RoutingOptions options) {
    this.pool = pool;
    this.options = options;
  }

  /** Before {@code user} creates a topic: it owns fewer than the quota and can join one more. */
  Future<Void> mayCreate(UUID user) {
    return count("SELECT count(*) FROM routing.topics WHERE created_by = $1 AND kind IN (0, 1)", user)
      .compose(owned -> owned >= options.maxTopicsPerUser()
        ? ServiceFailure.fail(FailureCode.FORBIDDEN, TOPIC_QUOTA) : mayJoin(user));
  }

  /** Before {@code user} becomes a member of one more topic. */
  Future<Void> mayJoin(UUID user) {
    return count("SELECT count(*) FROM routing.members WHERE user_id = $1", user)
      .compose(joined -> joined >= options.maxMembershipsPerUser()
        ? ServiceFailure.fail(FailureCode.FORBIDDEN, MEMBERSHIP_QUOTA) : Future.succeededFuture());
  }

  /** Counts an invite by {@code inviter} in the current minute; refused beyond {@code invitesPerMinute}. */
  Future<Void> mayInvite(UUID inviter, long nowMs) {
    if (invites.size() > SWEEP_ABOVE) {
      invites.values().removeIf(window -> nowMs - window[0] >= 60_000);
    }
    long[] window = invites.computeIfAbsent(inviter, k -> new long[] {nowMs, 0});
    if (nowMs - window[0] >= 60_000) {
      window[0] = nowMs;
      window[1] = 0;
    }
    if (window[1] >= options.invitesPerMinute()) {
      return ServiceFailure.fail(FailureCode.RATE_LIMITED, INVITE_RATE);
    }
    window[1]++;
    return Future.succeededFuture();
  }

  /** A token bucket per sender over all of their connections: {@code userMessagesPerSecond}, burst twice that. */
  boolean mayPublish(String senderId, long nowNanos) {
    return admit(senderId, 1, nowNanos) == 1;
  }

  /** Takes up to {@code wanted} messages from the sender's bucket; how many it took (0 when it is empty). */
  int admit(String senderId, int wanted, long nowNanos) {
    Bucket bucket = bucketOf(senderId, nowNanos);
    int admitted = (int) Math.min(wanted, Math.floor(bucket.tokens));
    bucket.tokens -= admitted;
    return admitted;
  }

  /**
   * How long until the sender's bucket holds {@code wanted} messages (at most a full burst), in whole
   * milliseconds, at least 1: when to send again what {@link #admit} left out.
   */
  long retryAfterMs(String senderId, int wanted, long nowNanos) {
    Bucket bucket = bucketOf(senderId, nowNanos);
    double rate = options.userMessagesPerSecond();
    double missing = Math.min(wanted, rate * 2) - bucket.tokens;
    return Math.max(1, (long) Math.ceil(missing * 1000 / rate));
  }

  private Bucket bucketOf(String senderId, long nowNanos) {
    double rate = options.userMessagesPerSecond();
    double burst = rate * 2;
    if (messageBuckets.size() > SWEEP_ABOVE) {
      messageBuckets.values().removeIf(bucket -> {
        bucket.refill(nowNanos, rate, burst);
        return bucket.tokens >= burst;
      });
    }
    Bucket bucket = messageBuckets.computeIfAbsent(senderId, k -> new Bucket(burst, nowNanos));
    bucket.refill(nowNanos, rate, burst);
    return bucket;
  }

  private Future<Long> count(String sql, UUID user) {
    return pool.preparedQuery(sql).execute(Tuple.of(user)).map(rows -> rows.iterator().next().getLong(0));
  }
}
