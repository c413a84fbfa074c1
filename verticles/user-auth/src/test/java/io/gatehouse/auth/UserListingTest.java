package io.gatehouse.auth;

import io.gatehouse.contract.Addresses.Auth;
import io.gatehouse.contract.auth.ListUsers;
import io.gatehouse.contract.auth.RegisterUser;
import io.gatehouse.contract.auth.UserPage;
import io.gatehouse.contract.auth.UserSummary;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static io.gatehouse.auth.AuthFixture.request;
import static org.assertj.core.api.Assertions.assertThat;

/** Each test gets an empty database, so a listing sees only the users it registered. */
@ExtendWith(VertxExtension.class)
class UserListingTest {

  private static final List<String> NAMES = List.of("dora", "Émile", "ann", "Carl", "bea");

  @BeforeEach
  void deployAndRegister(Vertx vertx, @TempDir Path keyDir, VertxTestContext ctx) {
    AuthFixture.deploy(vertx, AuthFixture.nodeConfig(TestDatabase.fresh("auth"), keyDir))
      .compose(id -> Future.all(NAMES.stream().map(name -> request(vertx, Auth.REGISTER,
        new RegisterUser(name, "password-1", name + "@example.com"))).toList()))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("users are listed by username in pages; each page's cursor leads to the next and the last has none")
  void usersArePagedByUsername(Vertx vertx, VertxTestContext ctx) {
    Future<UserPage> first = request(vertx, Auth.LIST_USERS, new ListUsers(2, null));
    Future<UserPage> second = first.compose(page -> request(vertx, Auth.LIST_USERS, new ListUsers(2, page.next())));
    Future<UserPage> third = second.compose(page -> request(vertx, Auth.LIST_USERS, new ListUsers(2, page.next())));
    third.onComplete(ctx.succeeding(last -> ctx.verify(() -> {
      // code point order: upper case before lower case, accented letters after ASCII
      assertThat(names(first.result())).containsExactly("Carl", "ann");
      assertThat(first.result().next()).isEqualTo("ann");
      assertThat(names(second.result())).containsExactly("bea", "dora");
      assertThat(second.result().next()).isEqualTo("dora");
      assertThat(names(last)).containsExactly("Émile");
      assertThat(last.next()).isNull();
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("a page that exactly exhausts the users has no cursor, and limits are clamped to 1..500")
  void limitsAreClamped(Vertx vertx, VertxTestContext ctx) {
    Future.all(
        request(vertx, Auth.LIST_USERS, new ListUsers(5, null)),
        request(vertx, Auth.LIST_USERS, new ListUsers(0, null)),
        request(vertx, Auth.LIST_USERS, new ListUsers(-7, "bea")),
        request(vertx, Auth.LIST_USERS, new ListUsers(100_000, null)))
      .onComplete(ctx.succeeding(pages -> ctx.verify(() -> {
        UserPage exact = pages.resultAt(0);
        assertThat(exact.users()).hasSize(5);
        assertThat(exact.next()).isNull();
        UserPage zero = pages.resultAt(1);
        assertThat(names(zero)).containsExactly("Carl");
        assertThat(zero.next()).isEqualTo("Carl");
        assertThat(names(pages.resultAt(2))).containsExactly("dora");
        assertThat(((UserPage) pages.resultAt(3)).users()).hasSize(5);
        ctx.completeNow();
      })));
  }

  private static List<String> names(UserPage page) {
    return page.users().stream().map(UserSummary::username).toList();
  }
}
