package io.gatehouse.auth;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default {@link OtpSender}: a row in {@code auth.notification_outbox} for a mail or SMS relay
 * to pick up, and a log line that names the outbox row (not the OTP).
 */
final class OutboxSender implements OtpSender {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

  private final Pool pool;

  OutboxSender(Pool pool) {
    this.pool = pool;
  }

  @Override
  public Future<Void> send(String identifier, String purpose, String otp, long ttlSeconds) {
    JsonObject payload = new JsonObject().put("otp", otp).put("purpose", purpose).put("ttlSeconds", ttlSeconds);
    return pool.preparedQuery("INSERT INTO auth.notification_outbox (recipient, template, payload) VALUES ($1, $2, $3)"
        + " RETURNING id")
      .execute(Tuple.of(identifier, "otp-" + purpose.toLowerCase(), payload))
      .onSuccess(rows -> LOG.info("OTP notification {} queued in auth.notification_outbox for {}",
        rows.iterator().next().getLong("id"), mask(identifier)))
      .mapEmpty();
  }

  /** Enough of the identifier to follow a flow in the logs, not enough to harvest it. */
  static String mask(String identifier) {
    int keep = Math.min(3, identifier.length() / 3);
    return identifier.substring(0, keep) + "***" + identifier.substring(identifier.length() - keep);
  }
}
