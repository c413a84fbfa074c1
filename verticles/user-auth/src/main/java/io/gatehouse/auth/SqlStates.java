package io.gatehouse.auth;

import io.vertx.sqlclient.DatabaseException;

/** PostgreSQL error classes the repositories turn into domain outcomes. */
final class SqlStates {

  static final String UNIQUE_VIOLATION = "23505";
  static final String FOREIGN_KEY_VIOLATION = "23503";
  /** Raised for text with a NUL character, which no PostgreSQL text value can hold. */
  static final String CHARACTER_NOT_IN_REPERTOIRE = "22021";

  private SqlStates() {
  }

  static boolean is(Throwable failure, String sqlState) {
    return failure instanceof DatabaseException db && sqlState.equals(db.getSqlState());
  }
}
