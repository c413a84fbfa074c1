package io.gatehouse.node;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.Codecs;
import io.gatehouse.contract.auth.ApiClientKeys;
import io.gatehouse.contract.auth.CreateApiClient;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * {@code create-client NAME [-conf FILE|JSON]}: creates an API client (tenant) and prints its keys as
 * JSON on stdout — the only time the secret is shown. Uses the node's database, starting the embedded
 * one if no node is running on the data directory.
 */
final class CreateClientCommand {

  private static final Logger LOG = LoggerFactory.getLogger(CreateClientCommand.class);

  private CreateClientCommand() {
  }

  static int run(String[] args) {
    if (args.length == 0 || args[0].startsWith("-") || args[0].isBlank()) {
      LOG.error("usage: gatehouse create-client NAME [-conf FILE|JSON]");
      return 2;
    }
    JsonObject config = GatehouseLauncher.loadConfig(args);
    try (DatabaseBootstrap database = new DatabaseBootstrap()) {
      database.prepare(config);
      Vertx vertx = Vertx.vertx();
      try {
        Codecs.register(vertx);
        Future<ApiClientKeys> created = vertx
          .deployVerticle(Role.USER_AUTH.verticleClass(), new DeploymentOptions().setConfig(config))
          .compose(id -> vertx.eventBus().<ApiClientKeys>request(Addresses.Auth.CREATE_CLIENT, new CreateApiClient(args[0])))
          .map(Message::body);
        ApiClientKeys keys = created.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println(new JsonObject()
          .put("client_id", keys.clientId())
          .put("name", keys.name())
          .put("api_key", keys.apiKey())
          .put("secret_key", keys.secretKey())
          .encodePrettily());
        return 0;
      } finally {
        vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
      }
    } catch (Exception e) {
      LOG.error("gatehouse create-client: {}", DatabaseBootstrap.rootMessage(e));
      return 1;
    }
  }
}
