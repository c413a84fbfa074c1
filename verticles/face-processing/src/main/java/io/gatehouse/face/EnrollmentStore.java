package io.gatehouse.face;

import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Sealed enrollment templates per tenant; reads are always scoped to one tenant. */
final class EnrollmentStore {

  /** One stored enrollment, still sealed. */
  record Sealed(String enrollmentId, String userId, byte[] templates) {
  }

  private final Pool pool;

  EnrollmentStore(Pool pool) {
    this.pool = pool;
  }

  /** Stores (or replaces) the enrollment of {@code userId} within {@code clientId}. */
  Future<Void> save(String clientId, String userId, String enrollmentId, byte[] sealed) {
    return pool.preparedQuery("INSERT INTO face.enrollments (id, client_id, user_id, templates) VALUES ($1, $2, $3, $4) "
        + "ON CONFLICT (client_id, user_id) DO UPDATE SET id = EXCLUDED.id, templates = EXCLUDED.templates, "
        + "created_at = now()")
      .execute(Tuple.of(UUID.fromString(enrollmentId), clientId, userId, Buffer.buffer(sealed))).mapEmpty();
  }

  /** The tenant's enrollment of one user (1:1), or of every user when {@code userId} is null (1:N). */
  Future<List<Sealed>> load(String clientId, String userId) {
    Future<io.vertx.sqlclient.RowSet<Row>> rows = userId == null
      ? pool.preparedQuery("SELECT id, user_id, templates FROM face.enrollments WHERE client_id = $1")
        .execute(Tuple.of(clientId))
      : pool.preparedQuery("SELECT id, user_id, templates FROM face.enrollments WHERE client_id = $1 AND user_id = $2")
        .execute(Tuple.of(clientId, userId));
    return rows.map(found -> {
      List<Sealed> all = new ArrayList<>();
      found.forEach(row -> all.add(new Sealed(row.getUUID("id").toString(), row.getString("user_id"),
        row.getBuffer("templates").getBytes())));
      return all;
    });
  }
}
