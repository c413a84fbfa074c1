package io.gatehouse.auth;

import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/**
 * Failed logins per username, kept in {@code auth.login_failures} so that every user-auth node of a cluster
 * counts the same: after {@code maxFailures} within {@code windowSeconds} the username is refused until its
 * window ends, whether or not the account exists (the refusal tells nothing about existence).
 */
final class LoginThrottle {

  private final Pool pool;
  private final int maxFailures;
  private final long windowSeconds;

  LoginThrottle(Pool pool, int maxFailures, long windowSeconds) {
    this.pool = pool;
    this.maxFailures = maxFailures;
    this.windowSeconds = windowSeconds;
  }

  /** True while {@code username} is refused. */
  Future<Boolean> locked(String username) {
    return pool.preparedQuery("SELECT 1 FROM auth.login_failures WHERE username = $1 AND failures >= $2 "
        + "AND window_start > now() - $3 * interval '1 second'")
      .execute(Tuple.of(username, maxFailures, (double) windowSeconds)).map(rows -> rows.size() > 0);
  }

  /** Counts one failure; a window that has ended starts again at one. */
  Future<Void> failed(String username) {
    return pool.preparedQuery("INSERT INTO auth.login_failures AS f (username, failures, window_start) "
        + "VALUES ($1, 1, now()) ON CONFLICT (username) DO UPDATE SET "
        + "failures = CASE WHEN f.window_start > now() - $2 * interval '1 second' THEN f.failures + 1 ELSE 1 END, "
        + "window_start = CASE WHEN f.window_start > now() - $2 * interval '1 second' THEN f.window_start "
        + "ELSE now() END")
      .execute(Tuple.of(username, (double) windowSeconds)).mapEmpty();
  }

  /** A successful login forgets earlier failures. */
  Future<Void> succeeded(String username) {
    return pool.preparedQuery("DELETE FROM auth.login_failures WHERE username = $1")
      .execute(Tuple.of(username)).mapEmpty();
  }
}
