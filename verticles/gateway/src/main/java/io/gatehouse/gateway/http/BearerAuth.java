package io.gatehouse.gateway.http;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.auth.Principal;
import io.gatehouse.contract.auth.VerifyToken;
import io.gatehouse.gateway.ServiceBus;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * Requires {@code Authorization: Bearer <jwt>} (or the {@code JWT <jwt>} scheme of seed 002), verified
 * by user-auth over the bus. The verified {@link Principal} is put in the context.
 */
public final class BearerAuth implements Handler<RoutingContext> {

  public static final String PRINCIPAL = "gatehouse.principal";

  private final ServiceBus services;
  private final Principal.Kind required;

  public BearerAuth(ServiceBus services, Principal.Kind required) {
    this.services = services;
    this.required = required;
  }

  public static Principal principal(RoutingContext ctx) {
    return ctx.get(PRINCIPAL);
  }

  /** The token of an Authorization header value, or null. */
  public static String tokenOf(String header) {
    if (header == null) {
      return null;
    }
    String value = header.trim();
    for (String scheme : new String[] {"Bearer ", "JWT "}) {
      if (value.regionMatches(true, 0, scheme, 0, scheme.length())) {
        String token = value.substring(scheme.length()).trim();
        return token.isEmpty() ? null : token;
      }
    }
    return null;
  }

  @Override
  public void handle(RoutingContext ctx) {
    String token = tokenOf(ctx.request().getHeader("Authorization"));
    if (token == null) {
      HttpReplies.error(ctx, 401, "missing_token", "Authorization: Bearer <token> required");
      return;
    }
    verify(token).onSuccess(principal -> {
      if (principal.kind() != required) {
        HttpReplies.error(ctx, 403, "wrong_token_kind", "This endpoint needs a " + required.name().toLowerCase()
          + " token");
        return;
      }
      ctx.put(PRINCIPAL, principal);
      ctx.next();
    }).onFailure(failure -> HttpReplies.error(ctx, ServiceFailure.codeOf(failure).value() == 401 ? 401 : 503,
      ServiceFailure.reasonOf(failure), "Invalid token: " + ServiceFailure.reasonOf(failure)));
  }

  private Future<Principal> verify(String token) {
    return services.retrying(Addresses.Auth.VERIFY_TOKEN, new VerifyToken(token));
  }
}
