package io.gatehouse.auth;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuthOptionsTest {

  @Test
  @DisplayName("an empty node config gives the documented defaults, with keys under data/keys")
  void defaults() {
    AuthOptions options = AuthOptions.from(new JsonObject());
    assertThat(options).isEqualTo(new AuthOptions(Path.of("data", "keys"), 86_400, 3_600, 60, 2,
      new Argon2Params(19_456, 2, 1), 5_000, 10, 900));
  }

  @Test
  @DisplayName("the key directory follows node.dataDir unless auth.keyDir is set, and every value can be overridden")
  void overrides() {
    JsonObject node = new JsonObject().put("node", new JsonObject().put("dataDir", "/var/gh"))
      .put("auth", new JsonObject().putNull("keyDir").put("tokenTtlSeconds", 10).put("leewaySeconds", 0)
        .put("argon2", new JsonObject().put("memoryKib", 4096)));
    assertThat(AuthOptions.from(node).keyDir()).isEqualTo(Path.of("/var/gh", "keys"));
    assertThat(AuthOptions.from(node).tokenTtlSeconds()).isEqualTo(10);
    assertThat(AuthOptions.from(node).leewaySeconds()).isZero();
    assertThat(AuthOptions.from(node).argon2()).isEqualTo(new Argon2Params(4096, 2, 1));
    node.getJsonObject("auth").put("keyDir", "/secrets");
    assertThat(AuthOptions.from(node).keyDir()).isEqualTo(Path.of("/secrets"));
  }

  @Test
  @DisplayName("nonsense values are refused with the key named")
  void nonsenseIsRefused() {
    assertThatThrownBy(() -> AuthOptions.from(new JsonObject().put("auth", new JsonObject().put("tokenTtlSeconds", 0))))
      .hasMessageContaining("auth.tokenTtlSeconds");
    assertThatThrownBy(() -> AuthOptions.from(new JsonObject().put("auth", new JsonObject().put("leewaySeconds", 600))))
      .hasMessageContaining("auth.leewaySeconds");
    assertThatThrownBy(() -> AuthOptions.from(new JsonObject().put("auth",
      new JsonObject().put("argon2", new JsonObject().put("memoryKib", 4))))).hasMessageContaining("argon2");
  }
}
