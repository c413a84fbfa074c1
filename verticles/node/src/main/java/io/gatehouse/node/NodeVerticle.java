package io.gatehouse.node;

import io.gatehouse.contract.Codecs;
import io.gatehouse.operations.OperationsRoutes;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deploys the verticles of the roles in {@code node.roles}, services first, the gateway last, each
 * with the whole node config. Undeploying it undeploys them (in reverse order, gateway first).
 */
public class NodeVerticle extends VerticleBase {

  private static final Logger LOG = LoggerFactory.getLogger(NodeVerticle.class);

  private final Map<Role, String> deployments = new ConcurrentHashMap<>();

  @Override
  public Future<?> start() {
    Codecs.register(vertx);
    List<Role> roles = roles(config());
    Future<String> chain = Future.succeededFuture();
    for (Role role : roles) {
      chain = chain.compose(previous -> deploy(role));
    }
    return chain.compose(last -> OperationsRoutes.listen(vertx, config()))
      .onSuccess(last -> LOG.info("node ready with roles {}", roles));
  }

  /** The deployment id of a role's verticle on this node (to stop one role alone, as tests do). */
  String deploymentOf(Role role) {
    return deployments.get(role);
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
      .onSuccess(id -> deployments.put(role, id))
      .recover(failure -> Future.failedFuture(new IllegalStateException(role + ": " + failure.getMessage(), failure)));
  }
}
