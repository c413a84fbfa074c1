package io.gatehouse.auth;

import io.gatehouse.contract.Addresses.Auth;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.auth.Principal;
import io.gatehouse.contract.auth.RegisterUser;
import io.gatehouse.contract.auth.UserSession;
import io.gatehouse.contract.auth.VerifyToken;
import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static io.gatehouse.auth.AuthFixture.assertRefused;
import static io.gatehouse.auth.AuthFixture.base64Url;
import static io.gatehouse.auth.AuthFixture.request;
import static io.gatehouse.auth.AuthFixture.settled;
import static org.assertj.core.api.Assertions.assertThat;

/** Token verification as a gateway sees it, over the bus. */
@ExtendWith(VertxExtension.class)
class TokenVerificationTest {

  private static DatabaseOptions database;

  @TempDir
  Path keyDir;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.fresh("auth");
  }

  private Future<UserSession> deployAndRegister(Vertx vertx) {
    String name = "tok-" + UUID.randomUUID();
    return AuthFixture.deploy(vertx, AuthFixture.nodeConfig(database, keyDir))
      .compose(id -> request(vertx, Auth.REGISTER, new RegisterUser(name, "password-1", name + "@example.com")));
  }

  private static Future<Principal> verify(Vertx vertx, String token) {
    return request(vertx, Auth.VERIFY_TOKEN, new VerifyToken(token));
  }

  @Test
  @DisplayName("a token whose payload was altered is refused as invalid_signature")
  void tamperedPayloadIsRefused(Vertx vertx, VertxTestContext ctx) {
    deployAndRegister(vertx)
      .compose(session -> {
        String[] parts = session.accessToken().split("\\.");
        JsonObject claims = AuthFixture.payloadOf(session.accessToken()).put("name", "admin");
        return verify(vertx, parts[0] + "." + base64Url(claims.encode()) + "." + parts[2]);
      })
      .onComplete(ctx.failing(failure -> ctx.verify(() -> {
        assertRefused(failure, FailureCode.UNAUTHORIZED, "invalid_signature");
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("an alg:none token carrying a real user's claims never verifies")
  void algNoneIsRefused(Vertx vertx, VertxTestContext ctx) {
    deployAndRegister(vertx)
      .compose(session -> verify(vertx, base64Url("{\"alg\":\"none\"}") + "."
        + session.accessToken().split("\\.")[1] + "."))
      .onComplete(ctx.failing(failure -> ctx.verify(() -> {
        assertRefused(failure, FailureCode.UNAUTHORIZED, "invalid_signature");
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("garbage is refused as malformed and a token signed with another key as invalid_signature")
  void garbageAndForeignKeysAreRefused(Vertx vertx, VertxTestContext ctx) {
    String foreign = new TokenService(vertx, new byte[32], 0).issue("x", "x", Principal.Kind.USER, 60).token();
    deployAndRegister(vertx)
      .compose(session -> settled(List.of(verify(vertx, "abc"), verify(vertx, foreign))))
      .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
        assertRefused(done.get(0).cause(), FailureCode.UNAUTHORIZED, "malformed");
        assertRefused(done.get(1).cause(), FailureCode.UNAUTHORIZED, "invalid_signature");
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("a token signed with the node's key whose exp has passed is refused as expired")
  void expiredTokenIsRefused(Vertx vertx, VertxTestContext ctx) {
    deployAndRegister(vertx)
      .compose(session -> vertx.executeBlocking(() -> Files.readAllBytes(keyDir.resolve(KeyMaterial.SIGNING_KEY_FILE)))
        .map(key -> new TokenService(vertx, key, 0)
          .issue(session.userId(), session.username(), Principal.Kind.USER, -60).token()))
      .compose(expired -> verify(vertx, expired))
      .onComplete(ctx.failing(failure -> ctx.verify(() -> {
        assertRefused(failure, FailureCode.UNAUTHORIZED, "expired");
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("after a redeploy on the same key directory, a token issued before still verifies")
  void keysSurviveRedeploy(Vertx vertx, VertxTestContext ctx) {
    String name = "tok-" + UUID.randomUUID();
    Future<String> first = AuthFixture.deploy(vertx, AuthFixture.nodeConfig(database, keyDir));
    Future<UserSession> session = first.compose(id ->
      request(vertx, Auth.REGISTER, new RegisterUser(name, "password-1", name + "@example.com")));
    session
      .compose(s -> vertx.undeploy(first.result()))
      .compose(undeployed -> AuthFixture.deploy(vertx, AuthFixture.nodeConfig(database, keyDir)))
      .compose(redeployed -> verify(vertx, session.result().accessToken()))
      .onComplete(ctx.succeeding(principal -> ctx.verify(() -> {
        assertThat(principal.subject()).isEqualTo(session.result().userId());
        assertThat(principal.name()).isEqualTo(name);
        ctx.completeNow();
      })));
  }
}
