package io.gatehouse.bench.chat;

/**
 * The acks one socket awaits. Ack ids are handed out in order and all share one timeout, so deadlines grow
 * with the id: the outstanding ids sit in a ring from the oldest on, and a periodic {@link #expire} pops
 * expired ones from its front. No timer per request. Not thread-safe: the socket's event loop owns it.
 */
final class AckTracker {

  /** Who learns how an ack ended: exactly one of the two is called, once. */
  interface Waiter {
    void acked(InboundPacket ack);

    void failed(String reason);
  }

  private long[] deadlines = new long[8];
  private Waiter[] waiters = new Waiter[8];
  /** Ids in [oldest, next) may be outstanding; a null waiter marks one already settled. */
  private long oldest = 1;
  private long next = 1;

  /** Reserves the next ack id for {@code waiter}; it fails unless acked before {@code deadlineNanos}. */
  long await(Waiter waiter, long deadlineNanos) {
    if (next - oldest == waiters.length) {
      grow();
    }
    long id = next++;
    int slot = slot(id);
    deadlines[slot] = deadlineNanos;
    waiters[slot] = waiter;
    return id;
  }

  /** Hands an ack to its waiter; false when the id is unknown or already settled (a late or repeated ack). */
  boolean complete(long id, InboundPacket ack) {
    if (id < oldest || id >= next) {
      return false;
    }
    int slot = slot(id);
    Waiter waiter = waiters[slot];
    if (waiter == null) {
      return false;
    }
    waiters[slot] = null;
    while (oldest < next && waiters[slot(oldest)] == null) {
      oldest++;
    }
    waiter.acked(ack);
    return true;
  }

  /** Fails every outstanding ack whose deadline is at or before {@code nowNanos}; returns how many. */
  int expire(long nowNanos) {
    int expired = 0;
    while (oldest < next) {
      int slot = slot(oldest);
      Waiter waiter = waiters[slot];
      if (waiter != null && deadlines[slot] - nowNanos > 0) {
        break;
      }
      waiters[slot] = null;
      oldest++;
      if (waiter != null) {
        expired++;
        waiter.failed("no ack within the timeout");
      }
    }
    return expired;
  }

  /** Fails everything outstanding, as when the socket closed. */
  void failAll(String reason) {
    while (oldest < next) {
      int slot = slot(oldest++);
      Waiter waiter = waiters[slot];
      waiters[slot] = null;
      if (waiter != null) {
        waiter.failed(reason);
      }
    }
  }

  int outstanding() {
    int count = 0;
    for (long id = oldest; id < next; id++) {
      count += waiters[slot(id)] == null ? 0 : 1;
    }
    return count;
  }

  private int slot(long id) {
    return (int) (id & (waiters.length - 1));
  }

  private void grow() {
    long[] grownDeadlines = new long[deadlines.length * 2];
    Waiter[] grownWaiters = new Waiter[waiters.length * 2];
    int mask = grownWaiters.length - 1;
    for (long id = oldest; id < next; id++) {
      grownDeadlines[(int) (id & mask)] = deadlines[slot(id)];
      grownWaiters[(int) (id & mask)] = waiters[slot(id)];
    }
    deadlines = grownDeadlines;
    waiters = grownWaiters;
  }
}
