package io.gatehouse.gateway.socketio;

import io.gatehouse.contract.gateway.PollAnswer;
import io.vertx.core.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("the polling side of an Engine.IO session")
class PollingQueueTest {

  @Test
  @DisplayName("a GET with packets queued is answered at once with all of them, in order")
  void queuedPacketsAnswerAGetAtOnce() {
    PollingQueue polling = new PollingQueue(1_000, 10);
    polling.offer(EnginePacket.message("a"));
    polling.offer(EnginePacket.message("b"));

    Future<PollAnswer> get = polling.get();

    assertThat(get.succeeded()).isTrue();
    assertThat(get.result().body()).isEqualTo("4a\u001e4b");
    assertThat(polling.hasWaitingGet()).isFalse();
  }

  @Test
  @DisplayName("a GET with nothing queued waits, and the next packet answers it")
  void anEmptyGetWaitsForThePacket() {
    PollingQueue polling = new PollingQueue(1_000, 10);
    Future<PollAnswer> get = polling.get();
    assertThat(get.isComplete()).isFalse();
    assertThat(polling.hasWaitingGet()).isTrue();

    polling.offer(EnginePacket.message("hello"));

    assertThat(get.result().body()).isEqualTo("4hello");
    assertThat(polling.hasWaitingGet()).isFalse();
  }

  @Test
  @DisplayName("an answer holds what fits in maxPayload, always at least one packet; the rest waits for the next GET")
  void answersRespectMaxPayload() {
    PollingQueue polling = new PollingQueue(10, 10);
    polling.offer(EnginePacket.message("x".repeat(20)));
    polling.offer(EnginePacket.message("abc"));
    polling.offer(EnginePacket.message("def"));

    assertThat(polling.get().result().body()).isEqualTo("4" + "x".repeat(20));
    assertThat(polling.get().result().body()).isEqualTo("4abc\u001e4def");
  }

  @Test
  @DisplayName("a queue past its bound reports the client as too slow")
  void aFullQueueRefuses() {
    PollingQueue polling = new PollingQueue(1_000, 2);
    assertThat(polling.offer(EnginePacket.message("1"))).isTrue();
    assertThat(polling.offer(EnginePacket.message("2"))).isTrue();
    assertThat(polling.offer(EnginePacket.message("3"))).isFalse();
  }

  @Test
  @DisplayName("a waiting GET can be released with a single packet; without one, release does nothing")
  void releaseAnswersTheWaitingGet() {
    PollingQueue polling = new PollingQueue(1_000, 10);
    polling.release(EnginePacket.NOOP);
    Future<PollAnswer> get = polling.get();

    polling.release(EnginePacket.NOOP);

    assertThat(get.result().body()).isEqualTo("6");
    assertThat(polling.hasWaitingGet()).isFalse();
  }

  @Test
  @DisplayName("on upgrade, queued packets move to the new transport in order until told to stop")
  void movesQueuedPacketsInOrder() {
    PollingQueue polling = new PollingQueue(1_000, 10);
    polling.offer(EnginePacket.message("a"));
    polling.offer(EnginePacket.message("b"));
    polling.offer(EnginePacket.message("c"));
    List<String> moved = new ArrayList<>();

    polling.moveTo(packet -> moved.add(packet.text()), () -> moved.size() < 2);

    assertThat(moved).containsExactly("a", "b");
    assertThat(polling.get().result().body()).isEqualTo("4c");
  }
}
