package io.gatehouse.edge;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("publish lanes: one target's publishes leave one at a time, in submission order")
class PublishLanesTest {

  private final PublishLanes lanes = new PublishLanes();
  private final List<String> sent = new ArrayList<>();
  private final List<Promise<String>> replies = new ArrayList<>();

  private Future<String> submit(String target, String message) {
    return lanes.submit(target, () -> {
      sent.add(message);
      Promise<String> reply = Promise.promise();
      replies.add(reply);
      return reply.future();
    });
  }

  @Test
  @DisplayName("a second publish to the same target waits for the first one's answer")
  void sameTargetWaits() {
    Future<String> first = submit("news", "a");
    Future<String> second = submit("news", "b");
    assertThat(sent).containsExactly("a");
    replies.get(0).complete("ok-a");
    assertThat(first.result()).isEqualTo("ok-a");
    assertThat(sent).containsExactly("a", "b");
    replies.get(1).complete("ok-b");
    assertThat(second.result()).isEqualTo("ok-b");
    assertThat(lanes.busyLanes()).isZero();
  }

  @Test
  @DisplayName("publishes to different targets go at once")
  void otherTargetsDoNotWait() {
    submit("news", "a");
    submit("sport", "b");
    assertThat(sent).containsExactly("a", "b");
    assertThat(lanes.busyLanes()).isEqualTo(2);
  }

  @Test
  @DisplayName("a failed publish answers its own caller and lets the next one go")
  void failureDoesNotBlockTheLane() {
    Future<String> first = submit("news", "a");
    Future<String> second = submit("news", "b");
    replies.get(0).fail(new IllegalStateException("refused"));
    assertThat(first.failed()).isTrue();
    assertThat(sent).containsExactly("a", "b");
    replies.get(1).complete("ok");
    assertThat(second.succeeded()).isTrue();
  }

  @Test
  @DisplayName("a publish that throws before leaving fails alone; a thousand queued behind it still go in order")
  void throwingSendAndLongQueues() {
    List<Integer> order = new ArrayList<>();
    Promise<String> gate = Promise.promise();
    lanes.submit("t", () -> gate.future());
    Future<Object> thrown = lanes.submit("t", () -> {
      throw new IllegalArgumentException("bad");
    });
    List<Future<Integer>> queued = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      int n = i;
      queued.add(lanes.submit("t", () -> {
        order.add(n);
        return Future.succeededFuture(n);
      }));
    }
    gate.complete("go");
    assertThat(thrown.failed()).isTrue();
    assertThat(order).hasSize(1000).isSorted();
    assertThat(queued).allMatch(Future::succeeded);
    assertThat(lanes.busyLanes()).isZero();
  }
}
