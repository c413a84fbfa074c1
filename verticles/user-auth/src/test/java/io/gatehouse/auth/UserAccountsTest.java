package io.gatehouse.auth;

import io.gatehouse.contract.Addresses.Auth;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.auth.FindUser;
import io.gatehouse.contract.auth.LoginUser;
import io.gatehouse.contract.auth.Principal;
import io.gatehouse.contract.auth.RegisterUser;
import io.gatehouse.contract.auth.UserSession;
import io.gatehouse.contract.auth.UserSummary;
import io.gatehouse.contract.auth.VerifyToken;
import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import static io.gatehouse.auth.AuthFixture.assertRefused;
import static io.gatehouse.auth.AuthFixture.request;
import static io.gatehouse.auth.AuthFixture.settled;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class UserAccountsTest {

  private static DatabaseOptions database;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.fresh("auth");
  }

  @BeforeEach
  void deploy(Vertx vertx, @TempDir Path keyDir, VertxTestContext ctx) {
    AuthFixture.deploy(vertx, AuthFixture.nodeConfig(database, keyDir)).onComplete(ctx.succeedingThenComplete());
  }

  private static Future<UserSession> register(Vertx vertx, String username, String password, String email) {
    return request(vertx, Auth.REGISTER, new RegisterUser(username, password, email));
  }

  @Test
  @DisplayName("a registered user can log in, be found by name and by id, and their token verifies as that user")
  void registeredUserLogsInAndIsFound(Vertx vertx, VertxTestContext ctx) {
    Future<UserSession> registered = register(vertx, "alice", "correct horse", "alice@example.com");
    Future<UserSession> login = registered.compose(r -> request(vertx, Auth.LOGIN, new LoginUser("alice", "correct horse")));
    login
      .compose(session -> Future.all(
        request(vertx, Auth.FIND_USER, FindUser.byUsername("alice")),
        request(vertx, Auth.FIND_USER, FindUser.byId(registered.result().userId())),
        request(vertx, Auth.VERIFY_TOKEN, new VerifyToken(session.accessToken()))))
      .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
        String userId = registered.result().userId();
        assertThat(UUID.fromString(userId).version()).isEqualTo(4);
        assertThat(registered.result().accessToken()).isNotBlank();
        assertThat(login.result().userId()).isEqualTo(userId);
        assertThat(login.result().username()).isEqualTo("alice");
        UserSummary expected = new UserSummary(userId, "alice");
        assertThat((UserSummary) found.resultAt(0)).isEqualTo(expected);
        assertThat((UserSummary) found.resultAt(1)).isEqualTo(expected);
        Principal principal = found.resultAt(2);
        assertThat(principal.subject()).isEqualTo(userId);
        assertThat(principal.name()).isEqualTo("alice");
        assertThat(principal.kind()).isEqualTo(Principal.Kind.USER);
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("a taken username is refused with CONFLICT already_exists")
  void duplicateUsernameConflicts(Vertx vertx, VertxTestContext ctx) {
    register(vertx, "bob", "password-1", "bob@example.com")
      .compose(first -> register(vertx, "bob", "password-2", "other-bob@example.com"))
      .onComplete(ctx.failing(failure -> ctx.verify(() -> {
        assertRefused(failure, FailureCode.CONFLICT, "already_exists");
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("an email already used in another letter case is refused with CONFLICT already_exists")
  void duplicateEmailIgnoringCaseConflicts(Vertx vertx, VertxTestContext ctx) {
    register(vertx, "carol", "password-1", "Carol@Example.com")
      .compose(first -> register(vertx, "carol2", "password-2", "carol@EXAMPLE.COM"))
      .onComplete(ctx.failing(failure -> ctx.verify(() -> {
        assertRefused(failure, FailureCode.CONFLICT, "already_exists");
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("a wrong password and an unknown user are refused alike with UNAUTHORIZED invalid_credentials")
  void wrongPasswordAndUnknownUserAreRefusedAlike(Vertx vertx, VertxTestContext ctx) {
    register(vertx, "dave", "password-1", "dave@example.com")
      .compose(registered -> settled(List.of(
        request(vertx, Auth.LOGIN, new LoginUser("dave", "password-2")),
        request(vertx, Auth.LOGIN, new LoginUser("nobody-" + UUID.randomUUID(), "password-1")),
        request(vertx, Auth.LOGIN, new LoginUser("dave", null)),
        request(vertx, Auth.LOGIN, new LoginUser(null, "password-1")))))
      .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
        for (int i = 0; i < done.size(); i++) {
          assertRefused(done.get(i).cause(), FailureCode.UNAUTHORIZED, "invalid_credentials");
        }
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("invalid usernames, passwords and emails are refused with BAD_REQUEST and a reason naming the field")
  void invalidFieldsAreRefused(Vertx vertx, VertxTestContext ctx) {
    record Case(RegisterUser request, String reason) {
    }
    String ok = "long enough";
    List<Case> cases = List.of(
      new Case(new RegisterUser(null, ok, "a@b.c"), "invalid_username"),
      new Case(new RegisterUser("  ", ok, "a@b.c"), "invalid_username"),
      new Case(new RegisterUser("x".repeat(65), ok, "a@b.c"), "invalid_username"),
      new Case(new RegisterUser("tab\there", ok, "a@b.c"), "invalid_username"),
      new Case(new RegisterUser("erin", null, "a@b.c"), "invalid_password"),
      new Case(new RegisterUser("erin", "short", "a@b.c"), "invalid_password"),
      new Case(new RegisterUser("erin", "p".repeat(1025), "a@b.c"), "invalid_password"),
      new Case(new RegisterUser("erin", ok, null), "invalid_email"),
      new Case(new RegisterUser("erin", ok, "no-at-sign"), "invalid_email"),
      new Case(new RegisterUser("erin", ok, "two@@example.com"), "invalid_email"),
      new Case(new RegisterUser("erin", ok, "a@" + "d".repeat(253)), "invalid_email"));
    settled(cases.stream().map(c -> request(vertx, Auth.REGISTER, c.request())).toList())
      .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
        for (int i = 0; i < cases.size(); i++) {
          assertThat(done.get(i).failed()).as("case %d fails", i).isTrue();
          assertRefused(done.get(i).cause(), FailureCode.BAD_REQUEST, cases.get(i).reason());
        }
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("usernames with SQL metacharacters and non-Latin scripts round-trip exactly")
  void unusualUsernamesRoundTrip(Vertx vertx, VertxTestContext ctx) {
    List<String> names = List.of("o'brien\"; DROP TABLE auth.users; --", "%_\\", "Zoë 山田 👩‍💻", "ﾟ∀ﾟ");
    Future.all(names.stream().map(name ->
        register(vertx, name, "password-1", UUID.randomUUID() + "@example.com")
          .compose(session -> request(vertx, Auth.FIND_USER, FindUser.byUsername(name)))).toList())
      .compose(found -> request(vertx, Auth.LOGIN, new LoginUser(names.get(2), "password-1")).map(found))
      .onComplete(ctx.succeeding(found -> ctx.verify(() -> {
        for (int i = 0; i < names.size(); i++) {
          assertThat(((UserSummary) found.resultAt(i)).username()).isEqualTo(names.get(i));
        }
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("finding a user by an unknown name, an unknown id or a malformed id is NOT_FOUND user_not_found")
  void missingUsersAreNotFound(Vertx vertx, VertxTestContext ctx) {
    List<FindUser> lookups = List.of(FindUser.byUsername("ghost"), FindUser.byId(UUID.randomUUID().toString()),
      FindUser.byId("not-a-uuid"), FindUser.byId("1-1-1-1-1"));
    settled(lookups.stream().map(lookup -> request(vertx, Auth.FIND_USER, lookup)).toList())
      .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
        for (int i = 0; i < lookups.size(); i++) {
          assertRefused(done.get(i).cause(), FailureCode.NOT_FOUND, "user_not_found");
        }
        ctx.completeNow();
      })));
  }
}
