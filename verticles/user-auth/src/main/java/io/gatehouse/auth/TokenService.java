package io.gatehouse.auth;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.auth.IssuedToken;
import io.gatehouse.contract.auth.Principal;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.auth.JWTOptions;
import io.vertx.ext.auth.PubSecKeyOptions;
import io.vertx.ext.auth.authentication.TokenCredentials;
import io.vertx.ext.auth.jwt.JWTAuth;
import io.vertx.ext.auth.jwt.JWTAuthOptions;

import java.time.Clock;
import java.util.Optional;

/**
 * Issues and verifies our HS256 JWTs (claims {@code sub}, {@code name}, {@code kind}, {@code iat},
 * {@code exp}). Verification fails UNAUTHORIZED with exactly one of:
 * <ul>
 *   <li>{@value #MALFORMED}: not three base64url segments with JSON objects for header and payload, or a
 *   signed payload that lacks our claims;</li>
 *   <li>{@value #INVALID_SIGNATURE}: any algorithm but HS256 (so {@code alg: none} never verifies), an
 *   empty signature, or a signature that is not ours (tampered, or another key);</li>
 *   <li>{@value #EXPIRED}: ours and intact, but {@code exp} plus the leeway has passed.</li>
 * </ul>
 */
public final class TokenService {

  public static final String MALFORMED = "malformed";
  public static final String INVALID_SIGNATURE = "invalid_signature";
  public static final String EXPIRED = "expired";
  static final String ALGORITHM = "HS256";

  private final JWTAuth jwt;
  private final int leewaySeconds;
  private final Clock clock;

  public TokenService(Vertx vertx, byte[] signingKey, int leewaySeconds, Clock clock) {
    // The library checks the signature; expiry is ours (below) so that it can be told apart from it.
    this.jwt = JWTAuth.create(vertx, new JWTAuthOptions()
      .addPubSecKey(new PubSecKeyOptions().setAlgorithm(ALGORITHM).setBuffer(Buffer.buffer(signingKey)))
      .setJWTOptions(new JWTOptions().setAlgorithm(ALGORITHM).setIgnoreExpiration(true)));
    this.leewaySeconds = leewaySeconds;
    this.clock = clock;
  }

  public TokenService(Vertx vertx, byte[] signingKey, int leewaySeconds) {
    this(vertx, signingKey, leewaySeconds, Clock.systemUTC());
  }

  /** A token for {@code subject} valid for {@code ttlSeconds} from now (a negative ttl yields an expired one). */
  public IssuedToken issue(String subject, String name, Principal.Kind kind, long ttlSeconds) {
    long now = clock.instant().getEpochSecond();
    long expiresAt = now + ttlSeconds;
    JsonObject claims = new JsonObject()
      .put("sub", subject)
      .put("name", name)
      .put("kind", kind.name())
      .put("iat", now)
      .put("exp", expiresAt);
    // expiresInSeconds stays 0 so the library leaves our exp alone.
    String token = jwt.generateToken(claims, new JWTOptions().setAlgorithm(ALGORITHM));
    return new IssuedToken(token, expiresAt);
  }

  public Future<Principal> verify(String token) {
    Optional<JsonObject> header = JwtShape.header(token);
    if (header.isEmpty()) {
      return ServiceFailure.fail(FailureCode.UNAUTHORIZED, MALFORMED);
    }
    if (!ALGORITHM.equals(header.get().getValue("alg")) || token.endsWith(".")) {
      return ServiceFailure.fail(FailureCode.UNAUTHORIZED, INVALID_SIGNATURE);
    }
    return jwt.authenticate(new TokenCredentials(token))
      .transform(checked -> checked.succeeded()
        ? principalOf(checked.result().attributes().getJsonObject("accessToken"))
        : ServiceFailure.fail(FailureCode.UNAUTHORIZED, INVALID_SIGNATURE));
  }

  private Future<Principal> principalOf(JsonObject claims) {
    Optional<Principal> principal = Optional.ofNullable(claims).flatMap(TokenService::readClaims);
    if (principal.isEmpty()) {
      return ServiceFailure.fail(FailureCode.UNAUTHORIZED, MALFORMED);
    }
    if (clock.instant().getEpochSecond() >= principal.get().expiresAt() + leewaySeconds) {
      return ServiceFailure.fail(FailureCode.UNAUTHORIZED, EXPIRED);
    }
    return Future.succeededFuture(principal.get());
  }

  private static Optional<Principal> readClaims(JsonObject claims) {
    if (!(claims.getValue("sub") instanceof String subject) || !(claims.getValue("name") instanceof String name)
      || !(claims.getValue("exp") instanceof Number exp) || !(claims.getValue("kind") instanceof String kind)) {
      return Optional.empty();
    }
    return switch (kind) {
      case "USER" -> Optional.of(new Principal(subject, name, Principal.Kind.USER, exp.longValue()));
      case "CLIENT" -> Optional.of(new Principal(subject, name, Principal.Kind.CLIENT, exp.longValue()));
      default -> Optional.empty();
    };
  }
}
