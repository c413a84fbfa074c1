package io.gatehouse.bench;

import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Deploys one {@link ConnectionShard} per client thread; each instance gets its own event loop. */
final class ShardDeployment {

  private ShardDeployment() {
  }

  /** Deploys the shards, adds them to {@code shards} and completes with the deployment id. */
  static Future<String> deploy(Vertx vertx, RunPlan plan, List<ConnectionShard> shards) {
    int count = Math.min(plan.options().clientThreads(), plan.options().connections());
    AtomicInteger next = new AtomicInteger();
    return vertx.deployVerticle(() -> {
      ConnectionShard shard = new ConnectionShard(plan, next.getAndIncrement(), count);
      shards.add(shard);
      return shard;
    }, new DeploymentOptions().setInstances(count));
  }
}
