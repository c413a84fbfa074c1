package io.gatehouse.bench;

import io.vertx.core.Context;

import java.util.ArrayDeque;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Publishes from one connection to the topics it owns, round robin, at a fixed rate or as fast as its window
 * allows.
 *
 * <p>The window holds at most {@code --window} messages in flight; a message leaves it once its reply and
 * every one of its deliveries have arrived, so one slow subscriber holds the publisher back instead of
 * silently falling behind. Each in-flight message owns a slot, named in its content, that counts what is
 * still to come; replies and deliveries settle slots from whichever event loop they arrive on. Everything
 * else runs on the publishing connection's event loop.
 */
final class Publisher {

  /** A window-bound publisher is woken by completions; this tick only guards against a missed wake-up. */
  static final long WINDOW_TICK_MILLIS = 100;
  /** The longest a rate-paced publisher waits between two looks at its schedule. */
  static final long MAX_RATE_TICK_MILLIS = 100;

  private final int index;
  private final BenchConnection connection;
  private final RunPlan plan;
  private final int[] topics;
  private final double perSecond;
  private final int window;
  private final AtomicIntegerArray outstanding;
  private final AtomicLongArray slotSendNanos;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ArrayDeque<InFlight> awaitingReply = new ArrayDeque<>();
  private int nextTopic;
  private long lastSendNanos;
  private long scheduled;
  private long startNanos;
  private long timerId = -1;
  /** Publishes this publisher may still send: its share of {@code --messages}, or unbounded. */
  private long remaining;
  private volatile boolean running;

  Publisher(int index, BenchConnection connection, RunPlan plan) {
    this.index = index;
    this.connection = connection;
    this.plan = plan;
    this.topics = plan.topology().topicsPublishedBy(index);
    this.perSecond = (double) plan.options().rate() / plan.topology().publishers();
    this.window = plan.options().window();
    this.outstanding = new AtomicIntegerArray(window);
    this.slotSendNanos = new AtomicLongArray(window);
    this.remaining = plan.options().messages() > 0 ? plan.options().messagesOf(index) : Long.MAX_VALUE;
  }

  void start() {
    running = true;
    if (perSecond == 0) {
      timerId = context().owner().setPeriodic(WINDOW_TICK_MILLIS, id -> fill());
      fill();
      return;
    }
    // A random phase keeps publishers with the same rate from all firing in the same millisecond.
    long interval = (long) (1e9 / perSecond);
    startNanos = System.nanoTime() - ThreadLocalRandom.current().nextLong(Math.max(1, interval));
    long tick = Math.max(1, Math.min(MAX_RATE_TICK_MILLIS, interval / 1_000_000));
    timerId = context().owner().setPeriodic(tick, id -> tick());
  }

  void stop() {
    running = false;
    if (timerId >= 0) {
      context().owner().cancelTimer(timerId);
    }
  }

  /** One delivery of the message in {@code slot} arrived. Called from any event loop. */
  void delivered(ProbeContent.Stamp stamp) {
    settle(stamp.slot(), stamp.sendNanos(), 1);
  }

  /** The server answered our oldest publish still awaiting a reply. */
  void replied(InboundFrame reply) {
    InFlight publish = awaitingReply.poll();
    if (publish == null) {
      plan.metrics().failed("unexpected_message_reply");
      return;
    }
    if (Boolean.TRUE.equals(reply.success())) {
      settle(publish.slot(), publish.sendNanos(), 1);
      return;
    }
    int fanout = plan.topology().fanout(publish.topic());
    plan.metrics().failed(reply.failureCode());
    plan.metrics().unpublished(publish.sendNanos(), fanout);
    settle(publish.slot(), publish.sendNanos(), 1 + fanout);
  }

  private void settle(int slot, long sendNanos, int units) {
    if (slot < 0 || slot >= window || slotSendNanos.get(slot) != sendNanos) {
      return; // a duplicate of a message that already left the window
    }
    if (outstanding.addAndGet(slot, -units) == 0 && inFlight.getAndDecrement() == window && perSecond == 0) {
      context().runOnContext(v -> fill());
    }
  }

  private void tick() {
    double elapsedSeconds = (System.nanoTime() - startNanos) / 1e9;
    long due = (long) (perSecond * elapsedSeconds) - scheduled;
    long sent = 0;
    while (running && remaining > 0 && sent < due && inFlight.get() < window) {
      publishNext();
      sent++;
    }
    if (sent < due) {
      plan.metrics().fellBehind(due - sent);
    }
    scheduled += due;
  }

  private void fill() {
    while (running && remaining > 0 && inFlight.get() < window) {
      publishNext();
    }
  }

  private void publishNext() {
    remaining--;
    int slot = freeSlot();
    int topic = topics[nextTopic];
    nextTopic = (nextTopic + 1) % topics.length;
    int fanout = plan.topology().fanout(topic);
    // Strictly increasing, so a send time names one message even if the clock did not move between two.
    long sendNanos = Math.max(System.nanoTime(), lastSendNanos + 1);
    lastSendNanos = sendNanos;
    slotSendNanos.set(slot, sendNanos);
    outstanding.set(slot, 1 + fanout);
    inFlight.incrementAndGet();
    awaitingReply.add(new InFlight(sendNanos, topic, slot));
    plan.metrics().published(sendNanos, fanout);
    String content = plan.content().encode(new ProbeContent.Stamp(sendNanos, index, slot));
    connection.send(ActionRequests.message(plan.topology().topicName(topic), content));
  }

  /** A slot whose message has fully arrived; there is one whenever fewer than {@code window} are in flight. */
  private int freeSlot() {
    for (int slot = 0; slot < window; slot++) {
      if (outstanding.get(slot) <= 0) {
        return slot;
      }
    }
    throw new IllegalStateException("no free window slot with " + inFlight.get() + " of " + window + " in flight");
  }

  private Context context() {
    return connection.context();
  }

  private record InFlight(long sendNanos, int topic, int slot) {
  }
}
