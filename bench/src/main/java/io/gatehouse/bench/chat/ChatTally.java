package io.gatehouse.bench.chat;

import java.util.Arrays;

/**
 * What one event loop counted: measured receives with their send → receive latency, and errors (acks with
 * an {@code error}, acks that never came, frames that did not parse). Owned by that loop; {@link #copy()} is
 * what leaves it.
 */
final class ChatTally {

  private long received;
  private long errors;
  private long malformed;
  private long closedByServer;
  private long[] latencies = new long[1024];

  void received(long latencyNanos) {
    if (received == latencies.length) {
      latencies = Arrays.copyOf(latencies, latencies.length * 2);
    }
    latencies[(int) received++] = latencyNanos;
  }

  void error() {
    errors++;
  }

  /** Counts a frame that did not parse as an error; true for the first one, which alone gets logged. */
  boolean countMalformed() {
    errors++;
    return malformed++ == 0;
  }

  /** Counts a socket the server closed; true for the first one, which alone gets logged. */
  boolean countClosedByServer() {
    return closedByServer++ == 0;
  }

  long malformed() {
    return malformed;
  }

  long closedByServer() {
    return closedByServer;
  }

  long received() {
    return received;
  }

  long errors() {
    return errors;
  }

  ChatTally copy() {
    ChatTally copy = new ChatTally();
    copy.add(this);
    return copy;
  }

  void add(ChatTally other) {
    long total = received + other.received;
    if (total > latencies.length) {
      latencies = Arrays.copyOf(latencies, (int) Math.max(total, latencies.length * 2L));
    }
    System.arraycopy(other.latencies, 0, latencies, (int) received, (int) other.received);
    received = total;
    errors += other.errors;
    malformed += other.malformed;
    closedByServer += other.closedByServer;
  }

  /** The latencies in nanoseconds, sorted. */
  long[] sortedLatencies() {
    long[] sorted = Arrays.copyOf(latencies, (int) received);
    Arrays.sort(sorted);
    return sorted;
  }
}
