package io.gatehouse.auth;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.auth.IssuedToken;
import io.gatehouse.contract.auth.Principal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.security.SecureRandom;
import java.util.List;

import static io.gatehouse.auth.AuthFixture.assertRefused;
import static io.gatehouse.auth.AuthFixture.base64Url;
import static io.gatehouse.auth.AuthFixture.settled;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class TokenServiceTest {

  private static final byte[] KEY = randomKey();

  private static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  @Test
  @DisplayName("a token we issued verifies to its subject, name, kind and expiry")
  void issuedTokenVerifies(Vertx vertx, VertxTestContext ctx) {
    TokenService tokens = new TokenService(vertx, KEY, 0);
    IssuedToken issued = tokens.issue("client-1", "Acme", Principal.Kind.CLIENT, 60);
    tokens.verify(issued.token()).onComplete(ctx.succeeding(principal -> ctx.verify(() -> {
      assertThat(principal).isEqualTo(new Principal("client-1", "Acme", Principal.Kind.CLIENT, issued.expiresAt()));
      assertThat(issued.expiresAt()).isBetween(System.currentTimeMillis() / 1000 + 58, System.currentTimeMillis() / 1000 + 61);
      ctx.completeNow();
    })));
  }

  @Test
  @DisplayName("an expired token is refused as expired, but is accepted within the configured leeway")
  void expiryHonoursLeeway(Vertx vertx, VertxTestContext ctx) {
    String token = new TokenService(vertx, KEY, 0).issue("u", "n", Principal.Kind.USER, -3).token();
    settled(List.of(new TokenService(vertx, KEY, 0).verify(token), new TokenService(vertx, KEY, 10).verify(token)))
      .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
        assertRefused(done.get(0).cause(), FailureCode.UNAUTHORIZED, "expired");
        assertThat(((Principal) done.get(1).result()).subject()).isEqualTo("u");
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("tokens that are not ours are refused: other algorithms, other keys, empty signatures, garbage")
  void foreignTokensAreRefused(Vertx vertx, VertxTestContext ctx) {
    TokenService tokens = new TokenService(vertx, KEY, 0);
    String good = tokens.issue("u", "n", Principal.Kind.USER, 60).token();
    String[] parts = good.split("\\.");
    JsonObject claims = AuthFixture.payloadOf(good);
    String hs512SameKey = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS512").setBuffer(Buffer.buffer(KEY))))
      .generateToken(claims.copy(), new JWTOptions().setAlgorithm("HS512"));
    String noneHeader = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
    record Case(String token, String reason) {
    }
    List<Case> cases = List.of(
      new Case(hs512SameKey, "invalid_signature"),
      new Case(noneHeader + "." + parts[1] + ".", "invalid_signature"),
      new Case(noneHeader + "." + parts[1] + "." + parts[2], "invalid_signature"),
      new Case(parts[0] + "." + parts[1] + ".", "invalid_signature"),
      new Case(new TokenService(vertx, randomKey(), 0).issue("u", "n", Principal.Kind.USER, 60).token(), "invalid_signature"),
      new Case(parts[0] + "." + parts[1], "malformed"),
      new Case(noneHeader + "." + parts[1], "malformed"),
      new Case(good + ".extra", "malformed"),
      new Case("abc", "malformed"),
      new Case("", "malformed"),
      new Case(null, "malformed"),
      new Case(parts[0] + ".bm90IGpzb24." + parts[2], "malformed"),
      new Case(base64Url("[1]") + "." + parts[1] + "." + parts[2], "malformed"),
      new Case(parts[0] + "=." + parts[1] + "." + parts[2], "malformed"));
    settled(cases.stream().map(c -> tokens.verify(c.token())).toList())
      .onComplete(ctx.succeeding(done -> ctx.verify(() -> {
        for (int i = 0; i < cases.size(); i++) {
          assertThat(done.get(i).failed()).as("case %d is refused", i).isTrue();
          assertRefused(done.get(i).cause(), FailureCode.UNAUTHORIZED, cases.get(i).reason());
        }
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("a correctly signed token without our claims is malformed")
  void signedTokenWithoutOurClaimsIsMalformed(Vertx vertx, VertxTestContext ctx) {
    String token = JWTAuth.create(vertx, new JWTAuthOptions()
        .addPubSecKey(new PubSecKeyOptions().setAlgorithm("HS256").setBuffer(Buffer.buffer(KEY))))
      .generateToken(new JsonObject().put("sub", "u").put("kind", "ROBOT").put("name", "n"),
        new JWTOptions().setExpiresInSeconds(60));
    new TokenService(vertx, KEY, 0).verify(token).onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertRefused(failure, FailureCode.UNAUTHORIZED, "malformed");
      ctx.completeNow();
    })));
  }
}
