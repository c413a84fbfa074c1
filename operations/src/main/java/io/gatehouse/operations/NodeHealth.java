package io.gatehouse.operations;

import io.gatehouse.contract.ServiceRole;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.healthchecks.Status;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.healthchecks.HealthCheckHandler;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * {@code /health/live}, {@code /health/ready} and {@code /health} (= ready), built from
 * {@link ServiceRole}'s one list. Each role configured on this node is probed on its health address with
 * a local-only request, so the answer is this node's instance: live when it answers at all (even "my
 * database is down"), ready when it answers UP. A clustered node that holds client sockets (gateway,
 * stomp-bridge) is ready only if every service it does not run itself answers somewhere in the cluster.
 * While the node shuts down, readiness is DOWN.
 */
public final class NodeHealth {

  private final Vertx vertx;
  private final List<ServiceRole> local;
  private final List<ServiceRole> remote;
  private final long timeoutMs;
  private final BooleanSupplier shuttingDown;

  NodeHealth(Vertx vertx, List<ServiceRole> local, List<ServiceRole> remote, long timeoutMs, BooleanSupplier shuttingDown) {
    this.vertx = vertx;
    this.local = List.copyOf(local);
    this.remote = List.copyOf(remote);
    this.timeoutMs = timeoutMs;
    this.shuttingDown = shuttingDown;
  }

  /** Health of the node described by this node config. */
  public static NodeHealth of(Vertx vertx, JsonObject config) {
    List<ServiceRole> local = ServiceRole.configured(config);
    boolean clustered = config.getJsonObject("cluster", new JsonObject()).getBoolean("enabled", false);
    boolean edge = local.stream().anyMatch(role -> !role.isService());
    List<ServiceRole> remote = clustered && edge
      ? List.of(ServiceRole.values()).stream().filter(role -> role.isService() && !local.contains(role)).toList()
      : List.of();
    return new NodeHealth(vertx, local, remote, OperationsOptions.from(config).healthTimeoutMs(),
      () -> ShutdownCoordinator.of(vertx).isShuttingDown());
  }

  public void mount(Router router) {
    HealthCheckHandler live = HealthCheckHandler.create(vertx);
    HealthCheckHandler ready = HealthCheckHandler.create(vertx);
    for (ServiceRole role : local) {
      live.register("node/" + role.roleName(), timeoutMs, promise -> probe(role, true, true, promise));
      ready.register("node/" + role.roleName(), timeoutMs, promise -> probe(role, true, false, promise));
    }
    for (ServiceRole role : remote) {
      ready.register("cluster/" + role.roleName(), timeoutMs, promise -> probe(role, false, false, promise));
    }
    ready.register("shutdown", promise -> promise.complete(shuttingDown.getAsBoolean()
      ? Status.KO(new JsonObject().put("reason", "node is shutting down")) : Status.OK()));
    router.get("/health/live").handler(live);
    router.get("/health/ready").handler(ready);
    router.get("/health").handler(ready);
  }

  private void probe(ServiceRole role, boolean localOnly, boolean aliveIsEnough, Promise<Status> promise) {
    DeliveryOptions options = new DeliveryOptions().setLocalOnly(localOnly).setSendTimeout(timeoutMs);
    vertx.eventBus().request(role.healthAddress(), new JsonObject(), options)
      .map(reply -> Status.OK())
      .recover(failure -> Future.succeededFuture(aliveIsEnough && answered(failure)
        ? Status.OK(new JsonObject().put("note", failure.getMessage()))
        : Status.KO(new JsonObject().put("reason", reason(failure, localOnly)))))
      .onComplete(done -> promise.tryComplete(done.result()));
  }

  private static boolean answered(Throwable failure) {
    return failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE;
  }

  private String reason(Throwable failure, boolean localOnly) {
    if (failure instanceof ReplyException reply) {
      return switch (reply.failureType()) {
        case NO_HANDLERS -> localOnly ? "not running on this node" : "not running anywhere in the cluster";
        case TIMEOUT -> "no answer within " + timeoutMs + " ms";
        default -> String.valueOf(reply.getMessage());
      };
    }
    return String.valueOf(failure.getMessage());
  }
}
