package io.gatehouse.stomp;

import io.gatehouse.persistence.DatabaseOptions;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each verticle removes its own expired rows: user-auth (signup transactions with their OTP challenges,
 * identifier blocks, authorization codes), ekyc-verification (transactions and slots), face-processing
 * (sessions). Rows are written straight into the tables, one expired an hour ago and one still live of each.
 */
@DisplayName("expired rows are removed periodically by the verticle that owns them")
class ExpiredRowsSweepTest {

  private static SignupFixture fixture;

  @BeforeAll
  static void start() {
    JsonObject everySecond = new JsonObject().put("expirySweepSeconds", 1);
    fixture = new SignupFixture(new JsonObject().put("auth", everySecond.copy()).put("ekyc", everySecond.copy())
      .put("face", everySecond.copy()));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static Connection connect() throws SQLException {
    DatabaseOptions db = DatabaseOptions.from(fixture.gatehouse.config);
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  private static void execute(Connection connection, String sql, Object... params) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      statement.executeUpdate();
    }
  }

  private static int count(Connection connection, String sql, String key) throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      statement.setString(1, key);
      try (ResultSet rows = statement.executeQuery()) {
        rows.next();
        return rows.getInt(1);
      }
    }
  }

  /** Rows of each table tagged with {@code tag}: the expired one and the live one. */
  private static int[] remaining(Connection connection, String tag) throws SQLException {
    return new int[] {
      count(connection, "SELECT count(*) FROM auth.signup_transactions WHERE identifier LIKE ? || '%'", tag),
      count(connection, "SELECT count(*) FROM auth.signup_blocks WHERE identifier LIKE ? || '%'", tag),
      count(connection, "SELECT count(*) FROM auth.authorization_codes WHERE encode(code_hash, 'escape') LIKE ? "
        + "|| '%'", tag),
      count(connection, "SELECT count(*) FROM ekyc.verifications WHERE transaction_id LIKE ? || '%'", tag),
      count(connection, "SELECT count(*) FROM face.sessions WHERE client_id LIKE ? || '%'", tag)};
  }

  @Test
  @DisplayName("rows expired for longer than the sweep interval go; live rows stay")
  void expiredRowsAreRemoved() throws Exception {
    String tag = "sweep" + UUID.randomUUID().toString().substring(0, 8);
    String userId = fixture.gatehouse.user("sweeper").getString("user_id");
    try (Connection connection = connect()) {
      for (String when : new String[] {"now() - interval '1 hour'", "now() + interval '1 hour'"}) {
        String key = tag + (when.contains("-") ? "-old" : "-new");
        execute(connection, "INSERT INTO auth.signup_transactions (id_hash, identifier, purpose, otp_hash, "
          + "otp_expires_at, expires_at) VALUES (?, ?, 'REGISTRATION', ?, " + when + ", " + when + ")",
          key.getBytes(), key, key.getBytes());
        execute(connection, "INSERT INTO auth.signup_blocks (identifier, blocked_until) VALUES (?, " + when + ")",
          key);
        execute(connection, "INSERT INTO auth.authorization_codes (code_hash, user_id, expires_at) VALUES (?, ?::uuid, "
          + when + ")", key.getBytes(), userId);
        execute(connection, "INSERT INTO ekyc.verifications (transaction_id, user_id, expires_at) VALUES (?, ?::uuid, "
          + when + ")", key, userId);
        execute(connection, "INSERT INTO face.sessions (token_hash, id, client_id, session_type, target, "
          + "required_blinks, require_liveness, status, expires_at) VALUES (?, ?, ?, 'ENROLLMENT', 1, 0, false, "
          + "'active', " + when + ")", key.getBytes(), UUID.randomUUID(), key);
      }
      // the sweep runs every second, so the expired rows may already be gone: only the live ones are certain
      assertThat(remaining(connection, tag + "-new")).containsOnly(1);

      int[] left = remaining(connection, tag);
      for (int i = 0; i < 300 && java.util.Arrays.stream(left).anyMatch(n -> n != 1); i++) {
        Thread.sleep(100);
        left = remaining(connection, tag);
      }
      assertThat(left).as("signup transactions, blocks, codes, eKYC, face sessions").containsOnly(1);
      assertThat(remaining(connection, tag + "-new")).containsOnly(1);
    }
  }
}
