package io.gatehouse.bench;

import io.vertx.core.Context;

import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes from one connection to the topics it owns, round robin, at a fixed rate or as fast as its window
 * allows.
 *
 * <p>The window counts outstanding units: a publish costs one for its reply plus one per delivery it will
 * produce; replies and deliveries give units back from whichever event loop they arrive on. That bounds what
 * the server has queued for this publisher, so latency measures the server rather than an ever-growing queue.
 * Everything except {@link #release} runs on the publishing connection's event loop.
 */
final class Publisher {

  static final long TICK_MILLIS = 10;

  private final int index;
  private final BenchConnection connection;
  private final RunPlan plan;
  private final int[] topics;
  private final double perSecond;
  private final long limit;
  private final long threshold;
  private final AtomicLong outstanding = new AtomicLong();
  private final ArrayDeque<InFlight> awaitingReply = new ArrayDeque<>();
  private int nextTopic;
  private long scheduled;
  private long startNanos;
  private long timerId = -1;
  private volatile boolean running;

  Publisher(int index, BenchConnection connection, RunPlan plan) {
    this.index = index;
    this.connection = connection;
    this.plan = plan;
    this.topics = plan.topology().topicsPublishedBy(index);
    this.perSecond = (double) plan.options().rate() / plan.topology().publishers();
    long maxCost = 0;
    for (int topic : topics) {
      maxCost = Math.max(maxCost, cost(topic));
    }
    this.limit = plan.options().window() * maxCost;
    this.threshold = limit - maxCost;
  }

  void start() {
    running = true;
    startNanos = System.nanoTime();
    timerId = context().owner().setPeriodic(TICK_MILLIS, id -> tick());
    if (perSecond == 0) {
      fill();
    }
  }

  void stop() {
    running = false;
    if (timerId >= 0) {
      context().owner().cancelTimer(timerId);
    }
  }

  /** Gives units back; when that reopens a full window, the next publishes are scheduled on our event loop. */
  void release(long units) {
    long after = outstanding.addAndGet(-units);
    if (perSecond == 0 && after <= threshold && after + units > threshold) {
      context().runOnContext(v -> fill());
    }
  }

  /** The server answered our oldest publish still awaiting a reply. */
  void replied(InboundFrame reply) {
    InFlight publish = awaitingReply.poll();
    if (publish == null) {
      plan.metrics().failed("unexpected_message_reply");
      return;
    }
    if (Boolean.TRUE.equals(reply.success())) {
      release(1);
      return;
    }
    plan.metrics().failed(reply.failureCode());
    plan.metrics().unpublished(publish.sendNanos(), plan.topology().fanout(publish.topic()));
    release(cost(publish.topic()));
  }

  private void tick() {
    if (perSecond == 0) {
      fill();
      return;
    }
    double elapsedSeconds = (System.nanoTime() - startNanos) / 1e9;
    long due = (long) (perSecond * elapsedSeconds) - scheduled;
    long sent = 0;
    while (running && sent < due && hasRoom()) {
      publishNext();
      sent++;
    }
    if (sent < due) {
      plan.metrics().fellBehind(due - sent);
    }
    scheduled += due;
  }

  private void fill() {
    while (running && hasRoom()) {
      publishNext();
    }
  }

  private boolean hasRoom() {
    return outstanding.get() <= threshold;
  }

  private void publishNext() {
    int topic = topics[nextTopic];
    nextTopic = (nextTopic + 1) % topics.length;
    long sendNanos = System.nanoTime();
    outstanding.addAndGet(cost(topic));
    awaitingReply.add(new InFlight(sendNanos, topic));
    plan.metrics().published(sendNanos, plan.topology().fanout(topic));
    connection.send(ActionRequests.message(plan.topology().topicName(topic), plan.content().encode(sendNanos, index)));
  }

  private long cost(int topic) {
    return 1L + plan.topology().fanout(topic);
  }

  private Context context() {
    return connection.context();
  }

  private record InFlight(long sendNanos, int topic) {
  }
}
