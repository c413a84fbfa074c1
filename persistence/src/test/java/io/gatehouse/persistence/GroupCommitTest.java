package io.gatehouse.persistence;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GroupCommitTest {

  /** A writer whose batches stay in flight until the test finishes them. */
  private static final class HeldWriter implements GroupCommit.BatchWriter<String, String> {
    final List<List<GroupCommit.Pending<String, String>>> batches = new ArrayList<>();
    final List<Promise<Void>> inFlight = new ArrayList<>();

    @Override
    public Future<?> write(List<GroupCommit.Pending<String, String>> batch) {
      batches.add(batch);
      Promise<Void> done = Promise.promise();
      inFlight.add(done);
      return done.future();
    }

    List<String> requests(int index) {
      return batches.get(index).stream().map(GroupCommit.Pending::request).toList();
    }

    void answerAndFinish(int index) {
      batches.get(index).forEach(pending -> pending.reply().complete(pending.request().toUpperCase()));
      inFlight.get(index).complete();
    }
  }

  @Test
  @DisplayName("a request arriving while nothing is in flight is written at once, alone")
  void loneRequestGoesImmediately() {
    HeldWriter writer = new HeldWriter();
    GroupCommit<String, String> commit = new GroupCommit<>(10, writer);

    Future<String> reply = commit.submit("a");

    assertThat(writer.batches).hasSize(1);
    assertThat(writer.requests(0)).containsExactly("a");
    writer.answerAndFinish(0);
    assertThat(reply.result()).isEqualTo("A");
  }

  @Test
  @DisplayName("requests arriving during a write go together as the next batch, cut at the maximum size")
  void requestsAccumulateWhileABatchIsInFlight() {
    HeldWriter writer = new HeldWriter();
    GroupCommit<String, String> commit = new GroupCommit<>(3, writer);

    commit.submit("a");
    List.of("b", "c", "d", "e").forEach(commit::submit);
    assertThat(writer.batches).hasSize(1);

    writer.answerAndFinish(0);
    assertThat(writer.requests(1)).containsExactly("b", "c", "d");
    writer.answerAndFinish(1);
    assertThat(writer.requests(2)).containsExactly("e");
    writer.answerAndFinish(2);
    assertThat(writer.batches).hasSize(3);
  }

  @Test
  @DisplayName("requests submitted together go in one batch even when nothing is in flight, in their order")
  void submittedTogetherGoTogether() {
    HeldWriter writer = new HeldWriter();
    GroupCommit<String, String> commit = new GroupCommit<>(3, writer);

    List<Future<String>> replies = commit.submitAll(List.of("a", "b", "c", "d"));

    assertThat(writer.requests(0)).containsExactly("a", "b", "c");
    writer.answerAndFinish(0);
    assertThat(writer.requests(1)).containsExactly("d");
    writer.answerAndFinish(1);
    assertThat(replies).extracting(Future::result).containsExactly("A", "B", "C", "D");
    assertThat(commit.submitAll(List.of())).isEmpty();
    assertThat(writer.batches).hasSize(2);
  }

  @Test
  @DisplayName("a failed batch fails its own requests only, and the next batch still goes")
  void failedBatchFailsOnlyItsRequests() {
    HeldWriter writer = new HeldWriter();
    GroupCommit<String, String> commit = new GroupCommit<>(10, writer);
    Future<String> first = commit.submit("a");
    Future<String> second = commit.submit("b");

    writer.inFlight.get(0).fail("connection lost");
    writer.answerAndFinish(1);

    assertThat(first.cause()).hasMessage("connection lost");
    assertThat(second.result()).isEqualTo("B");
  }

  @Test
  @DisplayName("a request the writer forgot to answer fails instead of hanging")
  void unansweredRequestFails() {
    HeldWriter writer = new HeldWriter();
    GroupCommit<String, String> commit = new GroupCommit<>(10, writer);
    Future<String> reply = commit.submit("a");

    writer.inFlight.get(0).complete();

    assertThat(reply.failed()).isTrue();
  }

  @Test
  @DisplayName("draining waits for every request submitted so far")
  void drainWaitsForQueuedWrites() {
    HeldWriter writer = new HeldWriter();
    GroupCommit<String, String> commit = new GroupCommit<>(10, writer);
    assertThat(commit.drained().succeeded()).isTrue();
    commit.submit("a");
    commit.submit("b");

    Future<Void> drained = commit.drained();
    writer.answerAndFinish(0);
    assertThat(drained.isComplete()).isFalse();
    writer.answerAndFinish(1);
    assertThat(drained.succeeded()).isTrue();
  }

  @Test
  @DisplayName("with two writes allowed in flight, a partial batch waits for the one under way; "
    + "a second write starts only for a full batch, never a third")
  void boundedConcurrentBatches() {
    HeldWriter writer = new HeldWriter();
    GroupCommit<String, String> commit = new GroupCommit<>(2, 2, writer);

    commit.submit("a");
    commit.submit("b");
    assertThat(writer.batches).as("b waits: its batch is not full").hasSize(1);
    commit.submit("c");
    assertThat(writer.batches).hasSize(2);
    assertThat(writer.requests(0)).containsExactly("a");
    assertThat(writer.requests(1)).containsExactly("b", "c");
    List.of("d", "e", "f").forEach(commit::submit);
    assertThat(writer.batches).as("never a third in flight").hasSize(2);

    writer.answerAndFinish(1);
    assertThat(writer.batches).hasSize(3);
    assertThat(writer.requests(2)).containsExactly("d", "e");
    Future<Void> drained = commit.drained();
    writer.answerAndFinish(0);
    assertThat(writer.batches).as("f waits for the write under way").hasSize(3);
    writer.answerAndFinish(2);
    assertThat(writer.requests(3)).containsExactly("f");
    assertThat(drained.isComplete()).isFalse();
    writer.answerAndFinish(3);
    assertThat(drained.succeeded()).isTrue();
  }
}
