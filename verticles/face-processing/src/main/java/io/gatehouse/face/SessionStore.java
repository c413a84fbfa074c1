package io.gatehouse.face;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.face.CreateFaceSession;
import io.gatehouse.contract.face.FaceSessionTicket;
import io.gatehouse.contract.face.SessionType;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

/** Face sessions in PostgreSQL: created by REST, claimed once by a socket, then finished. */
final class SessionStore {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Pool pool;
  private final long ttlMs;

  SessionStore(Pool pool, long ttlMs) {
    this.pool = pool;
    this.ttlMs = ttlMs;
  }

  Future<FaceSessionTicket> create(CreateFaceSession request) {
    byte[] raw = new byte[32];
    RANDOM.nextBytes(raw);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    String enrollmentId = request.type() == SessionType.ENROLLMENT ? UUID.randomUUID().toString() : null;
    long expiresAt = System.currentTimeMillis() + ttlMs;
    return pool.preparedQuery("INSERT INTO face.sessions (token_hash, id, client_id, session_type, user_id, "
        + "enrollment_id, target, required_blinks, require_liveness, status, expires_at) "
        + "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'active', $10)")
      .execute(Tuple.tuple().addBuffer(hash(token)).addUUID(UUID.randomUUID()).addString(request.clientId())
        .addString(request.type().name()).addString(request.userId())
        .addUUID(enrollmentId == null ? null : UUID.fromString(enrollmentId)).addInteger(request.target())
        .addInteger(request.requiredBlinks()).addBoolean(request.requireLiveness())
        .addOffsetDateTime(OffsetDateTime.ofInstant(Instant.ofEpochMilli(expiresAt), ZoneOffset.UTC)))
      .map(done -> new FaceSessionTicket(token, request.type(), enrollmentId, request.target(), expiresAt));
  }

  /** Claims an active, unexpired session for one socket; fails with why it cannot be claimed. */
  Future<SessionSpec> claim(String token) {
    if (token == null || token.isEmpty() || token.length() > 128) {
      return ServiceFailure.fail(FailureCode.NOT_FOUND, "session_not_found");
    }
    Buffer key = hash(token);
    return pool.preparedQuery("UPDATE face.sessions SET status = 'open', opened_at = now() "
        + "WHERE token_hash = $1 AND status = 'active' AND expires_at > now() "
        + "RETURNING id, client_id, session_type, user_id, enrollment_id, target, required_blinks, require_liveness")
      .execute(Tuple.of(key))
      .compose(rows -> rows.size() == 1 ? Future.succeededFuture(spec(rows.iterator().next(), token))
        : whyNotClaimed(key));
  }

  Future<Void> finish(String sessionId, String status) {
    return pool.preparedQuery("UPDATE face.sessions SET status = $2 WHERE id = $1 AND status = 'open'")
      .execute(Tuple.of(UUID.fromString(sessionId), status)).mapEmpty();
  }

  Future<Void> ping() {
    return pool.query("SELECT 1").execute().mapEmpty();
  }

  private Future<SessionSpec> whyNotClaimed(Buffer key) {
    return pool.preparedQuery("SELECT status, expires_at > now() AS live FROM face.sessions WHERE token_hash = $1")
      .execute(Tuple.of(key))
      .compose(rows -> {
        if (rows.size() == 0) {
          return ServiceFailure.fail(FailureCode.NOT_FOUND, "session_not_found");
        }
        Row row = rows.iterator().next();
        if (!"active".equals(row.getString("status"))) {
          return ServiceFailure.fail(FailureCode.BAD_REQUEST, "session_used");
        }
        return ServiceFailure.fail(FailureCode.UNAUTHORIZED, "session_expired");
      });
  }

  private static SessionSpec spec(Row row, String token) {
    UUID enrollment = row.getUUID("enrollment_id");
    return new SessionSpec(row.getUUID("id").toString(), token, row.getString("client_id"),
      SessionType.valueOf(row.getString("session_type")), row.getString("user_id"),
      enrollment == null ? null : enrollment.toString(), row.getInteger("target"), row.getInteger("required_blinks"),
      row.getBoolean("require_liveness"));
  }

  private static Buffer hash(String token) {
    try {
      return Buffer.buffer(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
