package io.gatehouse.auth;

import io.gatehouse.contract.Addresses.Auth;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.auth.ApiClientKeys;
import io.gatehouse.contract.auth.ClientSecretRequest;
import io.gatehouse.contract.auth.ClientTokenRequest;
import io.gatehouse.contract.auth.CreateApiClient;
import io.gatehouse.contract.auth.IssuedToken;
import io.gatehouse.contract.auth.Principal;
import io.gatehouse.contract.auth.VerifyToken;
import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static io.gatehouse.auth.AuthFixture.assertRefused;
import static io.gatehouse.auth.AuthFixture.request;
import static io.gatehouse.auth.AuthFixture.settled;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class ApiClientsTest {

  private static DatabaseOptions database;

  @BeforeAll
  static void createDatabase() {
    database = TestDatabase.fresh("auth");
  }

  @BeforeEach
  void deploy(Vertx vertx, @TempDir Path keyDir, VertxTestContext ctx) {
    AuthFixture.deploy(vertx, AuthFixture.nodeConfig(database, keyDir)).onComplete(ctx.succeedingThenComplete());
  }

  private static Future<ApiClientKeys> create(Vertx vertx, String name) {
    return request(vertx, Auth.CREATE_CLIENT, new CreateApiClient(name));
  }

  @Test
  @DisplayName("a new client exchanges its key and secret for a token that verifies as that CLIENT")
  void clientTokenVerifiesAsClient(Vertx vertx, VertxTestContext ctx) {
    Future<ApiClientKeys> created = create(vertx, "Acme");
    created
      .compose(keys -> request(vertx, Auth.CLIENT_TOKEN, new ClientTokenRequest(keys.apiKey(), keys.secretKey())))
      .compose(token -> request(vertx, Auth.VERIFY_TOKEN, new VerifyToken(((IssuedToken) token).token())))
      .onComplete(ctx.succeeding(verified -> ctx.verify(() -> {
        ApiClientKeys keys = created.result();
        assertThat(UUID.fromString(keys.clientId())).isNotNull();
        assertThat(Base64.getUrlDecoder().decode(keys.apiKey())).hasSizeGreaterThanOrEqualTo(24);
        assertThat(Base64.getUrlDecoder().decode(keys.secretKey())).hasSize(32);
        Principal principal = (Principal) verified;
        assertThat(principal.kind()).isEqualTo(Principal.Kind.CLIENT);
        assertThat(principal.subject()).isEqualTo(keys.clientId());
        assertThat(principal.name()).isEqualTo("Acme");
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("a key alone is enough, but a wrong secret or an unknown key is refused with invalid_client")
  void wrongSecretsAndUnknownKeysAreRefused(Vertx vertx, VertxTestContext ctx) {
    create(vertx, "Globex")
      .compose(keys -> settled(List.of(
        request(vertx, Auth.CLIENT_TOKEN, new ClientTokenRequest(keys.apiKey(), null)),
        request(vertx, Auth.CLIENT_TOKEN, new ClientTokenRequest(keys.apiKey(), keys.secretKey() + "x")),
        request(vertx, Auth.CLIENT_TOKEN, new ClientTokenRequest("unknown-key", keys.secretKey())),
        request(vertx, Auth.CLIENT_TOKEN, new ClientTokenRequest(null, null)))))
      .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
        assertThat(done.get(0).succeeded()).isTrue();
        for (int i = 1; i < 4; i++) {
          assertRefused(done.get(i).cause(), FailureCode.UNAUTHORIZED, "invalid_client");
        }
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("the secret is stored sealed, never in plain text, and comes back decrypted on request")
  void secretIsSealedAtRest(Vertx vertx, VertxTestContext ctx) {
    Pool pool = PgBuilder.pool().connectingTo(database.connectOptions()).using(vertx).build();
    Future<ApiClientKeys> created = create(vertx, "Initech");
    created
      .compose(keys -> pool.preparedQuery("SELECT row_to_json(c)::text AS row, secret_sealed FROM auth.api_clients c WHERE id = $1")
        .execute(Tuple.of(UUID.fromString(keys.clientId()))))
      .compose(rows -> request(vertx, Auth.CLIENT_SECRET, new ClientSecretRequest(created.result().clientId()))
        .map(fetched -> {
          ctx.verify(() -> {
            ApiClientKeys keys = created.result();
            String row = rows.iterator().next().getString("row");
            byte[] sealed = rows.iterator().next().getBuffer("secret_sealed").getBytes();
            String rawHex = HexFormat.of().formatHex(Base64.getUrlDecoder().decode(keys.secretKey()));
            assertThat(row).contains(keys.apiKey()).doesNotContain(keys.secretKey()).doesNotContain(rawHex);
            assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain(keys.secretKey());
            assertThat(fetched).isEqualTo(keys);
          });
          return fetched;
        }))
      .onComplete(ctx.succeedingThenComplete());
  }

  @Test
  @DisplayName("asking for the secret of an unknown or malformed client id is NOT_FOUND client_not_found")
  void unknownClientIsNotFound(Vertx vertx, VertxTestContext ctx) {
    settled(List.of(
        request(vertx, Auth.CLIENT_SECRET, new ClientSecretRequest(UUID.randomUUID().toString())),
        request(vertx, Auth.CLIENT_SECRET, new ClientSecretRequest("nope")),
        request(vertx, Auth.CLIENT_SECRET, new ClientSecretRequest(null))))
      .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
        for (int i = 0; i < 3; i++) {
          assertRefused(done.get(i).cause(), FailureCode.NOT_FOUND, "client_not_found");
        }
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("a client needs a non-blank name of at most 128 characters")
  void clientNameIsValidated(Vertx vertx, VertxTestContext ctx) {
    settled(List.of(create(vertx, null), create(vertx, " "), create(vertx, "n".repeat(129))))
      .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
        for (int i = 0; i < 3; i++) {
          assertRefused(done.get(i).cause(), FailureCode.BAD_REQUEST, "invalid_name");
        }
        ctx.completeNow();
      })));
  }
}
