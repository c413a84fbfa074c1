package io.gatehouse.auth;

import io.gatehouse.contract.Addresses.Auth;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.gatehouse.auth.AuthFixture.assertRefused;
import static io.gatehouse.auth.AuthFixture.request;
import static io.gatehouse.auth.AuthFixture.settled;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class UserAuthVerticleTest {

  @TempDir
  Path keyDir;

  @Test
  @DisplayName("once deployed it reports UP on health, creates its keys, and answers a wrong body with BAD_REQUEST")
  void servesHealthAndRejectsWrongBodies(Vertx vertx, VertxTestContext ctx) {
    AuthFixture.deploy(vertx, AuthFixture.nodeConfig(TestDatabase.fresh("auth"), keyDir))
      .compose(id -> settled(List.of(
        request(vertx, Auth.HEALTH, null),
        request(vertx, Auth.HEALTH, new JsonObject()),
        request(vertx, Auth.LOGIN, new JsonObject().put("username", "x")),
        request(vertx, Auth.REGISTER, null))))
      .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
        assertThat(done.get(0).result()).isEqualTo(new JsonObject().put("status", "UP"));
        assertThat(done.get(1).result()).isEqualTo(new JsonObject().put("status", "UP"));
        assertRefused(done.get(2).cause(), FailureCode.BAD_REQUEST, "invalid_request");
        assertRefused(done.get(3).cause(), FailureCode.BAD_REQUEST, "invalid_request");
        assertThat(Files.exists(keyDir.resolve(KeyMaterial.SIGNING_KEY_FILE))).isTrue();
        assertThat(Files.exists(keyDir.resolve(KeyMaterial.MASTER_KEY_FILE))).isTrue();
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("deployment fails with a clear reason when no database is configured")
  void failsWithoutDatabase(Vertx vertx, VertxTestContext ctx) {
    JsonObject config = AuthFixture.nodeConfig(new DatabaseOptions(null, 5432, "x", "postgres", "", 1), keyDir);
    AuthFixture.deploy(vertx, config)
      .onComplete(ctx.failing(failure -> ctx.verify(() -> {
        assertThat(failure.getMessage()).contains("no database configured");
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("deployment fails on a nonsense auth setting")
  void failsOnBadConfig(Vertx vertx, VertxTestContext ctx) {
    JsonObject config = AuthFixture.nodeConfig(TestDatabase.fresh("auth"), keyDir);
    config.getJsonObject("auth").put("clientTokenTtlSeconds", -1);
    AuthFixture.deploy(vertx, config).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(failure.getMessage()).contains("auth.clientTokenTtlSeconds");
      ctx.completeNow();
    })));
  }
}
