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

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("STOMP: a deleted user's session ends and its token no longer connects")
class StompDeletedUserTest {

  private static SignupFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new SignupFixture(new JsonObject().put("gateway", new JsonObject().put("userCheckSeconds", 1)));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("deleting the user of a connected STOMP session ends it with an ERROR frame")
  void deletedUsersSessionEnds() throws Exception {
    JsonObject user = fixture.gatehouse.user("stomper");
    String connect = "CONNECT\naccept-version:1.2\nhost:gatehouse\npasscode:" + user.getString("access_token")
      + "\n\n\0";
    try (RawStomp stomp = RawStomp.tcp(fixture.stomp.tcpPort())) {
      stomp.send(connect);
      stomp.awaitText("CONNECTED");
      DatabaseOptions db = DatabaseOptions.from(fixture.gatehouse.config);
      try (Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
           PreparedStatement delete = connection.prepareStatement("DELETE FROM auth.users WHERE id = ?::uuid")) {
        delete.setString(1, user.getString("user_id"));
        assertThat(delete.executeUpdate()).isEqualTo(1);
      }
      assertThat(stomp.readUntilClosed()).contains("ERROR").contains("User no longer exists");
    }
    try (RawStomp again = RawStomp.tcp(fixture.stomp.tcpPort())) {
      again.send(connect);
      assertThat(again.readUntilClosed()).startsWith("ERROR").contains("Invalid token");
    }
  }
}
