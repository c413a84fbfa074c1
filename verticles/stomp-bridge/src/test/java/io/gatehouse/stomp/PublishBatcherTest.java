package io.gatehouse.stomp;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.routing.Publish;
import io.gatehouse.contract.routing.PublishBatch;
import io.gatehouse.contract.routing.Published;
import io.gatehouse.contract.routing.PublishedBatch;
import io.gatehouse.contract.routing.PublishedBatch.Outcome;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A connection's SENDs on their way to topic-routing")
class PublishBatcherTest {

  private final Vertx vertx = Vertx.vertx();
  private final List<PublishBatch> sent = new ArrayList<>();
  private final List<Promise<PublishedBatch>> answers = new ArrayList<>();
  private final PublishBatcher batcher = new PublishBatcher(vertx, 3, batch -> {
    sent.add(batch);
    Promise<PublishedBatch> answer = Promise.promise();
    answers.add(answer);
    return answer.future();
  });

  @AfterEach
  void close() {
    vertx.close();
  }

  private static Publish message(int n) {
    return Publish.toTopic("u", "U", "room", "m" + n);
  }

  private static List<String> contents(PublishBatch batch) {
    return batch.publishes().stream().map(Publish::content).toList();
  }

  private static Outcome committed(long seq) {
    return Outcome.committed(new Published("id" + seq, 1, seq, 0));
  }

  @Test
  @DisplayName("one batch under way at a time; what arrives meanwhile goes together next, cut at the maximum")
  void queuedSendsGoTogether() {
    List<Future<Published>> replies = IntStream.rangeClosed(1, 5).mapToObj(n -> batcher.submit(message(n))).toList();
    assertThat(sent).hasSize(1);
    assertThat(contents(sent.get(0))).containsExactly("m1");

    answers.get(0).complete(new PublishedBatch(List.of(committed(1)), 0, 0));
    assertThat(contents(sent.get(1))).containsExactly("m2", "m3", "m4");
    answers.get(1).complete(new PublishedBatch(List.of(committed(2), committed(3), committed(4)), 0, 0));
    assertThat(contents(sent.get(2))).containsExactly("m5");
    answers.get(2).complete(new PublishedBatch(List.of(committed(5)), 0, 0));

    assertThat(replies).extracting(reply -> reply.result().seq()).containsExactly(1L, 2L, 3L, 4L, 5L);
  }

  @Test
  @DisplayName("entries the quota deferred go again, first, once the named wait is over; none is refused for it")
  void deferredEntriesAreSentAgain() throws Exception {
    CompletableFuture<List<Future<Published>>> replies = new CompletableFuture<>();
    vertx.runOnContext(v -> replies.complete(IntStream.rangeClosed(1, 3).mapToObj(n -> batcher.submit(message(n)))
      .toList()));
    List<Future<Published>> futures = replies.get(5, TimeUnit.SECONDS);
    onContext(() -> answers.get(0).complete(new PublishedBatch(List.of(committed(1)), 0, 0)));
    onContext(() -> answers.get(1).complete(new PublishedBatch(List.of(committed(2)), 1, 20)));
    assertThat(futures.get(1).result().seq()).isEqualTo(2);
    assertThat(futures.get(2).isComplete()).isFalse();

    awaitBatches(3);
    assertThat(contents(sent.get(2))).containsExactly("m3");
    onContext(() -> answers.get(2).complete(new PublishedBatch(List.of(committed(3)), 0, 0)));
    assertThat(futures.get(2).result().seq()).isEqualTo(3);
  }

  @Test
  @DisplayName("a refused entry fails as a single publish would; the others in its batch are still answered")
  void refusedEntryFailsAlone() {
    Future<Published> first = batcher.submit(message(1));
    Future<Published> second = batcher.submit(message(2));
    Future<Published> third = batcher.submit(message(3));
    answers.get(0).complete(new PublishedBatch(List.of(committed(1)), 0, 0));
    answers.get(1).complete(new PublishedBatch(List.of(
      Outcome.refused(ServiceFailure.of(FailureCode.FORBIDDEN, "not_member")), committed(2)), 0, 0));

    assertThat(first.succeeded()).isTrue();
    assertThat(ServiceFailure.reasonOf(second.cause())).isEqualTo("not_member");
    assertThat(third.result().seq()).isEqualTo(2);
  }

  @Test
  @DisplayName("a batch that got no answer fails its own entries only; a stopped batcher fails what waits")
  void failuresAndStop() {
    Future<Published> first = batcher.submit(message(1));
    Future<Published> second = batcher.submit(message(2));
    answers.get(0).fail(ServiceFailure.of(FailureCode.UNAVAILABLE, "unavailable"));
    assertThat(first.failed()).isTrue();
    assertThat(second.isComplete()).isFalse();
    assertThat(contents(sent.get(1))).containsExactly("m2");

    Future<Published> third = batcher.submit(message(3));
    batcher.stop();
    assertThat(second.failed()).isTrue();
    assertThat(third.failed()).isTrue();
    assertThat(batcher.submit(message(4)).failed()).isTrue();
    assertThat(sent).hasSize(2);
  }

  private void onContext(Runnable action) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    vertx.runOnContext(v -> {
      action.run();
      done.complete(null);
    });
    done.get(5, TimeUnit.SECONDS);
  }

  private void awaitBatches(int count) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    vertx.setPeriodic(5, id -> {
      if (sent.size() >= count) {
        vertx.cancelTimer(id);
        done.complete(null);
      }
    });
    done.get(10, TimeUnit.SECONDS);
  }
}
