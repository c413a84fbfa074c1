package io.gatehouse.bench;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.util.List;

/**
 * One Gatehouse account per connection, {@code <prefix>_<i>}: registered through {@code POST /register}, or
 * logged in through {@code POST /login} when an earlier run already registered it. Yields the access tokens.
 */
final class GatehouseAccounts implements TokenSource {

  private final Vertx vertx;
  private final BenchOptions options;
  private WebClient client;

  GatehouseAccounts(Vertx vertx, BenchOptions options) {
    this.vertx = vertx;
    this.options = options;
  }

  @Override
  public Future<List<String>> tokens(int count) {
    client = WebClient.create(vertx, new WebClientOptions()
      .setDefaultHost(options.host())
      .setDefaultPort(options.port())
      .setSsl("wss".equals(options.url().getScheme())));
    return PacedTasks.run(count, options.registrations(), this::tokenFor)
      .andThen(done -> client.close());
  }

  private Future<String> tokenFor(int index) {
    return register(index).compose(token -> token != null ? Future.succeededFuture(token) : login(index));
  }

  private Future<String> register(int index) {
    JsonObject body = new JsonObject()
      .put("username", username(index))
      .put("password", options.password())
      .put("email", username(index) + "@bench.example.com");
    return client.post("/register").sendJsonObject(body).compose(response -> switch (response.statusCode()) {
      case 201, 200 -> accessToken(response, "register");
      case 400, 409 -> Future.succeededFuture(null);
      default -> Future.failedFuture(refused("register", index, response));
    });
  }

  private Future<String> login(int index) {
    JsonObject body = new JsonObject().put("username", username(index)).put("password", options.password());
    return client.post("/login").sendJsonObject(body).compose(response -> response.statusCode() == 200
      ? accessToken(response, "login")
      : Future.failedFuture(refused("login", index, response)));
  }

  private String username(int index) {
    return options.userPrefix() + "_" + index;
  }

  private static Future<String> accessToken(HttpResponse<Buffer> response, String step) {
    JsonObject body = response.bodyAsJsonObject();
    String token = body == null ? null : body.getString("access_token");
    return token != null ? Future.succeededFuture(token) : Future.failedFuture(step + " answered without access_token");
  }

  private IllegalStateException refused(String step, int index, HttpResponse<Buffer> response) {
    // The body may echo what was sent; only the status goes into the message, never the password.
    return new IllegalStateException(step + " of " + username(index) + " failed with HTTP " + response.statusCode());
  }
}
