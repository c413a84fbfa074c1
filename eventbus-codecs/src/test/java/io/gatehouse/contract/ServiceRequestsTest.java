package io.gatehouse.contract;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("service requests: repeatable ones go to the next instance when one does not answer")
class ServiceRequestsTest {

  private final Vertx vertx = Vertx.vertx();
  private final ServiceRequests requests = new ServiceRequests(vertx, 3_000, 200);

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static <T> T await(Future<T> future) throws Exception {
    return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static Throwable failureOf(Future<?> future) {
    try {
      await(future);
    } catch (Exception e) {
      return e.getCause();
    }
    throw new AssertionError("the request succeeded");
  }

  @Test
  @DisplayName("an instance that never answers (a dead node's) is skipped: the next attempt goes to another one")
  void retryingSkipsASilentInstance() throws Exception {
    AtomicInteger silent = new AtomicInteger();
    vertx.eventBus().consumer("svc", message -> silent.incrementAndGet());
    vertx.eventBus().consumer("svc", message -> message.reply("answer"));

    assertThat(await(requests.<String>retrying("svc", "question"))).isEqualTo("answer");
    assertThat(await(requests.<String>retrying("svc", "question"))).isEqualTo("answer");
    assertThat(silent.get()).as("the silent instance was tried too").isPositive();
  }

  @Test
  @DisplayName("a failure the service answered is returned at once, not repeated")
  void serviceFailuresAreNotRepeated() {
    AtomicInteger calls = new AtomicInteger();
    vertx.eventBus().consumer("svc", message -> {
      calls.incrementAndGet();
      message.fail(FailureCode.NOT_FOUND.value(), "not_found");
    });
    Throwable failure = failureOf(requests.retrying("svc", "question"));
    assertThat(ServiceFailure.codeOf(failure)).isEqualTo(FailureCode.NOT_FOUND);
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("a service still starting (no instance yet) is asked again until one registers")
  void waitsForAnInstanceToRegister() throws Exception {
    vertx.setTimer(300, id -> vertx.eventBus().consumer("late", message -> message.reply("here")));
    assertThat(await(requests.<String>retrying("late", "question"))).isEqualTo("here");
  }

  @Test
  @DisplayName("with no instance at all it gives up after the whole timeout with 'no handlers'")
  void givesUpAfterTheTimeout() {
    ServiceRequests quick = new ServiceRequests(vertx, 400, 100);
    Throwable failure = failureOf(quick.retrying("nobody", "question"));
    assertThat(failure).isInstanceOf(ReplyException.class);
    assertThat(((ReplyException) failure).failureType()).isEqualTo(ReplyFailure.NO_HANDLERS);
  }

  @Test
  @DisplayName("a request sent once (an append) is not repeated when its instance does not answer")
  void nearestIsSentOnce() {
    ServiceRequests quick = new ServiceRequests(vertx, 300, 100);
    AtomicInteger calls = new AtomicInteger();
    vertx.eventBus().consumer("append", message -> calls.incrementAndGet());
    vertx.eventBus().consumer("append", message -> calls.incrementAndGet());
    Throwable failure = failureOf(quick.nearest("append", "m1"));
    assertThat(((ReplyException) failure).failureType()).isEqualTo(ReplyFailure.TIMEOUT);
    assertThat(calls.get()).isEqualTo(1);
  }

  @Test
  @DisplayName("timeouts must be positive")
  void badTimeouts() {
    assertThatThrownBy(() -> new ServiceRequests(vertx, 0, 100)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ServiceRequests(vertx, 100, -1)).isInstanceOf(IllegalArgumentException.class);
  }
}
