package io.gatehouse.node;

import io.gatehouse.contract.Codecs;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Deploys the verticles of the roles in {@code node.roles}, services first, the gateway last, each
 * with the whole node config. Undeploying it undeploys them (in reverse order, gateway first).
 */
public class NodeVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(NodeVerticle.class);

  @Override
  public Future<?> start() {
    Codecs.register(vertx);
    List<Role> roles = roles(config());
    Future<String> chain = Future.succeededFuture();
    for (Role role : roles) {
      chain = chain.compose(previous -> deploy(role));
    }
    return chain.onSuccess(last -> LOG.info("node ready with roles {}", roles));
  }

  public static List<Role> roles(JsonObject config) {
    JsonArray names = config.getJsonObject("node", new JsonObject()).getJsonArray("roles", new JsonArray().add("all"));
    return Role.parse(names.stream().map(String::valueOf).toList());
  }

  private Future<String> deploy(Role role) {
    int instances = role == Role.GATEWAY
      ? config().getJsonObject("node", new JsonObject()).getInteger("instances", 1)
      : 1;
    DeploymentOptions options = new DeploymentOptions().setConfig(config()).setInstances(instances);
    return vertx.deployVerticle(role.verticleClass(), options)
      .recover(failure -> Future.failedFuture(new IllegalStateException(role + ": " + failure.getMessage(), failure)));
  }
}
