package io.gatehouse.operations;

import io.gatehouse.operations.ShutdownCoordinator.Phase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("the shutdown coordinator: edges say goodbye before drains, once, within a deadline")
class ShutdownCoordinatorTest {

  private Vertx vertx;

  @BeforeEach
  void start() {
    vertx = Vertx.vertx();
  }

  @AfterEach
  void stop() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
  }

  @Test
  @DisplayName("every edge hook finishes before any drain starts; a failing hook does not stop the others")
  void edgesThenDrains() throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();
    ShutdownCoordinator coordinator = ShutdownCoordinator.of(vertx);
    assertThat(ShutdownCoordinator.of(vertx)).isSameAs(coordinator);
    coordinator.onShutdown("drain", Phase.DRAIN, () -> {
      order.add("drain");
      return Future.succeededFuture();
    });
    coordinator.onShutdown("slow edge", Phase.EDGES, () -> {
      Promise<Void> later = Promise.promise();
      vertx.setTimer(200, id -> {
        order.add("slow edge");
        later.complete();
      });
      return later.future();
    });
    coordinator.onShutdown("failing edge", Phase.EDGES, () -> {
      order.add("failing edge");
      return Future.failedFuture("boom");
    });
    Runnable removed = coordinator.onShutdown("removed", Phase.EDGES, () -> {
      order.add("removed");
      return Future.succeededFuture();
    });
    removed.run();

    assertThat(coordinator.isShuttingDown()).isFalse();
    coordinator.shutDown(10_000).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

    assertThat(coordinator.isShuttingDown()).isTrue();
    assertThat(order).containsExactly("failing edge", "slow edge", "drain");
    coordinator.shutDown(10_000).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    assertThat(order).as("a second shutdown runs nothing again").hasSize(3);
  }

  @Test
  @DisplayName("a hook that never finishes makes the shutdown fail at the deadline instead of hanging")
  void deadline() {
    ShutdownCoordinator coordinator = ShutdownCoordinator.of(vertx);
    coordinator.onShutdown("stuck", Phase.EDGES, () -> Promise.promise().future());
    assertThatThrownBy(() -> coordinator.shutDown(300).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS))
      .hasMessageContaining("shutdown deadline of 300 ms reached");
  }

  @Test
  @DisplayName("operations options refuse a metrics path under /health and a negative deadline")
  void optionsAreChecked() {
    assertThat(OperationsOptions.from(new JsonObject()).onGatewayPort()).isTrue();
    assertThatThrownBy(() -> OperationsOptions.from(new JsonObject().put("operations",
      new JsonObject().put("metricsPath", "/health/metrics")))).hasMessageContaining("metricsPath");
    assertThatThrownBy(() -> OperationsOptions.from(new JsonObject().put("operations",
      new JsonObject().put("shutdownDeadlineMs", -1)))).hasMessageContaining("shutdownDeadlineMs");
  }
}
