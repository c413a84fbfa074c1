package io.gatehouse.edge;

import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.DeliveryBatch;
import io.gatehouse.contract.routing.TopicKind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("a delivery stream: pending first, then live in order, gaps read from the log and retried")
class DeliveryStreamTest {

  private final Vertx vertx = Vertx.vertx();
  private final List<Long> written = new ArrayList<>();
  private final List<Boolean> pendingFlags = new ArrayList<>();

  @AfterEach
  void close() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  private static Delivery delivery(long seq) {
    return new Delivery(7, "news", TopicKind.PUBLIC, seq, "m" + seq, "u", "alice", 0, "c" + seq, false);
  }

  private static DeliveryBatch batch(boolean more, long... seqs) {
    return new DeliveryBatch(LongStream.of(seqs).mapToObj(DeliveryStreamTest::delivery).toList(), more);
  }

  /** A log with messages 1..{@code last}; reads return at most {@code page} of them. */
  private static DeliveryStream.LogReads log(long cursor, long last, int page, AtomicInteger failuresLeft) {
    return new DeliveryStream.LogReads() {
      @Override
      public Future<DeliveryBatch> pending() {
        return after(cursor);
      }

      @Override
      public Future<DeliveryBatch> after(long seq) {
        if (failuresLeft.getAndDecrement() > 0) {
          return Future.failedFuture(new IllegalStateException("node gone"));
        }
        long to = Math.min(last, seq + page);
        return Future.succeededFuture(batch(to < last, LongStream.rangeClosed(seq + 1, to).toArray()));
      }
    };
  }

  private DeliveryStream stream(long cursor, DeliveryStream.LogReads reads, CompletableFuture<Throwable> lost) {
    return new DeliveryStream(vertx, cursor, reads, delivery -> {
      written.add(delivery.seq());
      pendingFlags.add(delivery.pending());
    }, lost::complete, 10);
  }

  @Test
  @DisplayName("what the member missed comes page by page and marked pending; live deliveries held meanwhile follow once")
  void pendingThenLive() throws Exception {
    DeliveryStream stream = stream(2, log(2, 9, 3, new AtomicInteger()), new CompletableFuture<>());
    stream.offerLive(delivery(9));
    stream.offerLive(delivery(10));
    run(stream::start);
    assertThat(written).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(pendingFlags.subList(0, 6)).containsOnly(true);
    stream.offerLive(delivery(10));
    stream.offerLive(delivery(11));
    assertThat(written).endsWith(10L, 11L).hasSize(9);
  }

  @Test
  @DisplayName("a first page read elsewhere for several topics starts the stream")
  void startsFromAPageReadElsewhere() throws Exception {
    DeliveryStream stream = stream(0, log(0, 4, 10, new AtomicInteger()), new CompletableFuture<>());
    run(() -> stream.start(List.of(delivery(1), delivery(2)), true));
    assertThat(written).containsExactly(1L, 2L, 3L, 4L);
  }

  @Test
  @DisplayName("a gap seen live is read from the log, retried while the read fails, and live order is kept")
  void gapIsReadAndRetried() throws Exception {
    AtomicInteger failures = new AtomicInteger();
    DeliveryStream stream = stream(0, log(0, 5, 10, failures), new CompletableFuture<>());
    run(() -> stream.start(List.of(), false));
    failures.set(3);
    CompletableFuture<Void> done = new CompletableFuture<>();
    vertx.runOnContext(v -> {
      stream.offerLive(delivery(6));
      stream.offerLive(delivery(7));
      vertx.setPeriodic(20, id -> {
        if (written.size() == 7) {
          done.complete(null);
        }
      });
    });
    done.get(10, TimeUnit.SECONDS);
    assertThat(written).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
  }

  @Test
  @DisplayName("a gap that cannot be read after the last attempt tells the connection it lost the stream")
  void lostAfterTheLastAttempt() throws Exception {
    AtomicInteger failures = new AtomicInteger(Integer.MAX_VALUE);
    CompletableFuture<Throwable> lost = new CompletableFuture<>();
    DeliveryStream stream = stream(0, log(0, 5, 10, failures), lost);
    run(() -> stream.start(List.of(), false));
    vertx.runOnContext(v -> stream.offerLive(delivery(3)));
    assertThat(lost.get(10, TimeUnit.SECONDS)).hasMessage("node gone");
    assertThat(written).isEmpty();
    stream.offerLive(delivery(1));
    assertThat(written).as("a lost stream writes nothing more").isEmpty();
  }

  private void run(java.util.function.Supplier<Future<Void>> action) throws Exception {
    CompletableFuture<Void> done = new CompletableFuture<>();
    vertx.runOnContext(v -> action.get().onComplete(ar -> {
      if (ar.succeeded()) {
        done.complete(null);
      } else {
        done.completeExceptionally(ar.cause());
      }
    }));
    done.get(10, TimeUnit.SECONDS);
  }
}
