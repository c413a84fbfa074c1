package io.gatehouse.auth;

import io.gatehouse.contract.Addresses.Auth;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.auth.IssueCode;
import io.gatehouse.contract.auth.IssuedToken;
import io.gatehouse.contract.auth.RedeemCode;
import io.gatehouse.contract.auth.RegisterUser;
import io.gatehouse.contract.auth.UserSession;
import io.gatehouse.contract.auth.UserSummary;
import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static io.gatehouse.auth.AuthFixture.assertRefused;
import static io.gatehouse.auth.AuthFixture.request;
import static io.gatehouse.auth.AuthFixture.settled;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class AuthorizationCodesTest {

  private static DatabaseOptions database;

  @TempDir
  Path keyDir;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.fresh("auth");
  }

  private Future<UserSession> deployAndRegister(Vertx vertx, long codeTtlSeconds) {
    JsonObject config = AuthFixture.nodeConfig(database, keyDir);
    config.getJsonObject("auth").put("authCodeTtlSeconds", codeTtlSeconds);
    String name = "code-" + UUID.randomUUID();
    return AuthFixture.deploy(vertx, config)
      .compose(id -> request(vertx, Auth.REGISTER, new RegisterUser(name, "password-1", name + "@example.com")));
  }

  @Test
  @DisplayName("a code redeems once to its user; a second redemption is refused with invalid_code")
  void codeIsSingleUse(Vertx vertx, VertxTestContext ctx) {
    Future<UserSession> user = deployAndRegister(vertx, 60);
    Future<IssuedToken> code = user.compose(session -> request(vertx, Auth.ISSUE_CODE, new IssueCode(session.userId())));
    Future<UserSummary> first = code.compose(issued -> request(vertx, Auth.REDEEM_CODE, new RedeemCode(issued.token())));
    first
      .compose(redeemed -> request(vertx, Auth.REDEEM_CODE, new RedeemCode(code.result().token())))
      .onComplete(ctx.failing(second -> ctx.verify(() -> {
        long now = System.currentTimeMillis() / 1000;
        assertThat(Base64.getUrlDecoder().decode(code.result().token())).hasSize(32);
        assertThat(code.result().expiresAt()).isBetween(now + 55, now + 61);
        assertThat(first.result()).isEqualTo(new UserSummary(user.result().userId(), user.result().username()));
        assertRefused(second, FailureCode.UNAUTHORIZED, "invalid_code");
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("of many concurrent redemptions of one code exactly one succeeds")
  void concurrentRedemptionsYieldOneWinner(Vertx vertx, VertxTestContext ctx) {
    deployAndRegister(vertx, 60)
      .compose(session -> request(vertx, Auth.ISSUE_CODE, new IssueCode(session.userId())))
      .compose(code -> settled(IntStream.range(0, 8)
        .mapToObj(i -> request(vertx, Auth.REDEEM_CODE, new RedeemCode(((IssuedToken) code).token()))).toList()))
      .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
        assertThat(done.stream().filter(Future::succeeded).count()).isEqualTo(1);
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("a code is refused with invalid_code once its time to live has passed")
  void expiredCodeIsRefused(Vertx vertx, VertxTestContext ctx) {
    deployAndRegister(vertx, 1)
      .compose(session -> request(vertx, Auth.ISSUE_CODE, new IssueCode(session.userId())))
      .compose(code -> after(vertx, 1_500).map(code))
      .compose(code -> request(vertx, Auth.REDEEM_CODE, new RedeemCode(((IssuedToken) code).token())))
      .onComplete(ctx.failing(failure -> ctx.verify(() -> {
        assertRefused(failure, FailureCode.UNAUTHORIZED, "invalid_code");
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("codes for unknown or malformed user ids are NOT_FOUND; unknown codes are invalid_code; only hashes are stored")
  void unknownUsersAndCodes(Vertx vertx, VertxTestContext ctx) {
    Pool pool = PgBuilder.pool().connectingTo(database.connectOptions()).using(vertx).build();
    Future<UserSession> user = deployAndRegister(vertx, 60);
    Future<IssuedToken> code = user.compose(session -> request(vertx, Auth.ISSUE_CODE, new IssueCode(session.userId())));
    Future<String> stored = code.compose(issued -> pool
      .query("SELECT string_agg(row_to_json(c)::text, ',') AS rows FROM auth.authorization_codes c").execute()
      .map(rows -> rows.iterator().next().getString("rows")));
    stored
      .compose(rows -> settled(List.of(
        request(vertx, Auth.ISSUE_CODE, new IssueCode(UUID.randomUUID().toString())),
        request(vertx, Auth.ISSUE_CODE, new IssueCode("robert'); --")),
        request(vertx, Auth.REDEEM_CODE, new RedeemCode("never-issued")),
        request(vertx, Auth.REDEEM_CODE, new RedeemCode(null)))))
      .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
        assertRefused(done.get(0).cause(), FailureCode.NOT_FOUND, "user_not_found");
        assertRefused(done.get(1).cause(), FailureCode.NOT_FOUND, "user_not_found");
        assertRefused(done.get(2).cause(), FailureCode.UNAUTHORIZED, "invalid_code");
        assertRefused(done.get(3).cause(), FailureCode.UNAUTHORIZED, "invalid_code");
        assertThat(stored.result()).contains(user.result().userId()).doesNotContain(code.result().token());
        ctx.completeNow();
      })));
  }

  private static Future<Void> after(Vertx vertx, long millis) {
    Promise<Void> elapsed = Promise.promise();
    vertx.setTimer(millis, id -> elapsed.complete());
    return elapsed.future();
  }
}
