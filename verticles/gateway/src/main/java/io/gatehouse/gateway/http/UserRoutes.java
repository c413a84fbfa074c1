package io.gatehouse.gateway.http;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.auth.FindUser;
import io.gatehouse.contract.auth.IssueCode;
import io.gatehouse.contract.auth.IssuedToken;
import io.gatehouse.contract.auth.ListUsers;
import io.gatehouse.contract.auth.LoginUser;
import io.gatehouse.contract.auth.Principal;
import io.gatehouse.contract.auth.RegisterUser;
import io.gatehouse.contract.auth.UserPage;
import io.gatehouse.contract.auth.UserSession;
import io.gatehouse.contract.auth.UserSummary;
import io.gatehouse.gateway.GatewayOptions;
import io.gatehouse.gateway.RequestSchema;
import io.gatehouse.gateway.ServiceBus;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

import java.time.Instant;

/** Seed 003's user service: register, login, user lookup, plus authorization codes for eKYC. */
public final class UserRoutes {

  private final ServiceBus services;
  private final GatewayOptions options;
  private final AttemptsPerAddress failedLogins;
  private final RequestSchema registerSchema = RequestSchema.load("register");
  private final RequestSchema loginSchema = RequestSchema.load("login");

  public UserRoutes(Vertx vertx, ServiceBus services, GatewayOptions options) {
    this.services = services;
    this.options = options;
    this.failedLogins = new AttemptsPerAddress(vertx, "failed-login", options.failedLoginsPerAddress(),
      options.loginWindowSeconds() * 1_000L);
  }

  public void mount(Router router) {
    BearerAuth userAuth = new BearerAuth(services, Principal.Kind.USER);
    router.post("/register").handler(this::register);
    router.post("/login").handler(this::login);
    router.get("/users/show").handler(userAuth).handler(this::show);
    router.get("/users/username/:username").handler(userAuth).handler(ctx -> find(ctx,
      FindUser.byUsername(ctx.pathParam("username"))));
    router.get("/users/user_id/:userId").handler(userAuth).handler(ctx -> find(ctx,
      FindUser.byId(ctx.pathParam("userId"))));
    router.post("/oauth/authorize").handler(userAuth).handler(this::authorize);
  }

  private void register(RoutingContext ctx) {
    JsonBodies.read(ctx, registerSchema).ifPresent(body -> services.<UserSession>request(Addresses.Auth.REGISTER,
        new RegisterUser(body.getString("username"), body.getString("password"), body.getString("email")))
      .onSuccess(session -> HttpReplies.json(ctx, 201, sessionJson(session)))
      .onFailure(failure -> {
        if (ServiceFailure.codeOf(failure) == FailureCode.CONFLICT) {
          HttpReplies.error(ctx, 400, "already_exists", "Username or email already exists");
        } else {
          HttpReplies.failure(ctx, failure);
        }
      }));
  }

  private void login(RoutingContext ctx) {
    String address = AttemptsPerAddress.addressOf(ctx.request());
    failedLogins.exhausted(address).onSuccess(exhausted -> {
      if (exhausted) {
        HttpReplies.error(ctx, 429, "login_throttled", "Too many failed logins from this address; try again in "
          + options.loginWindowSeconds() + " seconds");
      } else {
        login(ctx, address);
      }
    });
  }

  private void login(RoutingContext ctx, String address) {
    JsonBodies.read(ctx, loginSchema).ifPresent(body -> services.<UserSession>request(Addresses.Auth.LOGIN,
        new LoginUser(body.getString("username"), body.getString("password")))
      .onSuccess(session -> HttpReplies.json(ctx, 200, sessionJson(session)))
      .onFailure(failure -> {
        if (ServiceFailure.codeOf(failure) == FailureCode.UNAUTHORIZED) {
          // counted before the answer, so that the client's next attempt already sees it
          failedLogins.tryCount(address).onComplete(counted ->
            HttpReplies.error(ctx, 401, "invalid_credentials", "Invalid username or password"));
        } else if (ServiceFailure.codeOf(failure) == FailureCode.RATE_LIMITED) {
          HttpReplies.error(ctx, 429, "login_throttled", "Too many failed logins for this account; try again later");
        } else {
          HttpReplies.failure(ctx, failure);
        }
      }));
  }

  private void show(RoutingContext ctx) {
    String username = ctx.request().getParam("username");
    if (username != null) {
      find(ctx, FindUser.byUsername(username));
      return;
    }
    Integer limit = pageLimit(ctx);
    if (limit == null) {
      return;
    }
    services.<UserPage>request(Addresses.Auth.LIST_USERS, new ListUsers(limit, ctx.request().getParam("after")))
      .onSuccess(page -> {
        JsonArray users = new JsonArray();
        page.users().forEach(user -> users.add(summaryJson(user)));
        JsonObject body = new JsonObject().put("users", users);
        if (page.next() != null) {
          body.put("next", page.next());
        }
        HttpReplies.json(ctx, 200, body);
      })
      .onFailure(failure -> HttpReplies.failure(ctx, failure));
  }

  private Integer pageLimit(RoutingContext ctx) {
    String raw = ctx.request().getParam("limit");
    if (raw == null) {
      return options.defaultPageSize();
    }
    try {
      int limit = Integer.parseInt(raw);
      if (limit >= 1 && limit <= options.maxPageSize()) {
        return limit;
      }
    } catch (NumberFormatException ignored) {
      // answered below
    }
    HttpReplies.badRequest(ctx, "limit must be an integer from 1 to " + options.maxPageSize());
    return null;
  }

  private void find(RoutingContext ctx, FindUser query) {
    services.<UserSummary>retrying(Addresses.Auth.FIND_USER, query)
      .onSuccess(user -> HttpReplies.json(ctx, 200, summaryJson(user)))
      .onFailure(failure -> {
        if (ServiceFailure.codeOf(failure) == FailureCode.NOT_FOUND) {
          HttpReplies.json(ctx, 404, new JsonObject().put("message", "User not found").put("code", "user_not_found"));
        } else {
          HttpReplies.failure(ctx, failure);
        }
      });
  }

  private void authorize(RoutingContext ctx) {
    services.<IssuedToken>request(Addresses.Auth.ISSUE_CODE, new IssueCode(BearerAuth.principal(ctx).subject()))
      .onSuccess(code -> HttpReplies.json(ctx, 200, new JsonObject()
        .put("code", code.token())
        .put("expires_at", Instant.ofEpochSecond(code.expiresAt()).toString())))
      .onFailure(failure -> HttpReplies.failure(ctx, failure));
  }

  private static JsonObject sessionJson(UserSession session) {
    return new JsonObject()
      .put("access_token", session.accessToken())
      .put("username", session.username())
      .put("user_id", session.userId());
  }

  private static JsonObject summaryJson(UserSummary user) {
    return new JsonObject().put("username", user.username()).put("user_id", user.userId());
  }
}
