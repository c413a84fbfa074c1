package io.gatehouse.stomp;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps one subscription's STOMP acknowledgements onto a cumulative cursor (pending-delivery keeps "acked up to
 * seq"). {@code client}: an ACK acknowledges its message and every earlier one. {@code client-individual}:
 * only that message; the cursor moves over the longest fully acknowledged prefix. {@code auto}: every
 * written message counts as acknowledged. Messages acknowledged individually in an earlier connection
 * ({@code ackedAhead}, beyond the cursor) are not delivered again; they count as acknowledged.
 * Connection-confined.
 */
final class AckLedger {

  enum Mode {
    AUTO, CLIENT, CLIENT_INDIVIDUAL;

    static Mode of(String header) {
      return switch (header == null ? "auto" : header) {
        case "auto" -> AUTO;
        case "client" -> CLIENT;
        case "client-individual" -> CLIENT_INDIVIDUAL;
        default -> null;
      };
    }
  }

  private final Mode mode;
  private final TreeMap<Long, Boolean> outstanding = new TreeMap<>();
  private final Map<String, Long> seqById = new HashMap<>();
  private final Set<Long> ackedAhead;
  private long cursor;

  AckLedger(Mode mode, long cursor) {
    this(mode, cursor, Set.of());
  }

  AckLedger(Mode mode, long cursor, Set<Long> ackedAhead) {
    this.mode = mode;
    this.cursor = cursor;
    this.ackedAhead = new HashSet<>(ackedAhead);
  }

  long cursor() {
    return cursor;
  }

  /** Whether {@code seq} was acknowledged individually before: it is not written again. */
  boolean ackedBefore(long seq) {
    return ackedAhead.contains(seq);
  }

  /** Counts a message acknowledged before as acknowledged now; returns the new cursor when it moved, else -1. */
  long skipped(long seq) {
    ackedAhead.remove(seq);
    long before = cursor;
    if (mode == Mode.AUTO || mode == Mode.CLIENT && outstanding.isEmpty()) {
      cursor = Math.max(cursor, seq);
    } else {
      outstanding.put(seq, true);
      advanceOverAcked();
    }
    return cursor > before ? cursor : -1;
  }

  /** The seq of an unacknowledged message written by this ledger, or -1. */
  long seqOf(String messageId) {
    Long seq = seqById.get(messageId);
    return seq == null ? -1 : seq;
  }

  Mode mode() {
    return mode;
  }

  /** A message was written; returns the new cursor to store in AUTO mode, else -1. */
  long written(long seq, String messageId) {
    if (mode == Mode.AUTO) {
      cursor = Math.max(cursor, seq);
      return cursor;
    }
    outstanding.put(seq, false);
    seqById.put(messageId, seq);
    return -1;
  }

  boolean knows(String messageId) {
    return seqById.containsKey(messageId);
  }

  /** The client acked {@code messageId}; returns the new cursor when it moved, else -1. */
  long ack(String messageId) {
    Long seq = seqById.remove(messageId);
    if (seq == null) {
      return -1;
    }
    long before = cursor;
    if (mode == Mode.CLIENT) {
      outstanding.headMap(seq, true).clear();
      seqById.values().removeIf(s -> s <= seq);
      cursor = Math.max(cursor, seq);
    } else {
      outstanding.put(seq, true);
      advanceOverAcked();
    }
    return cursor > before ? cursor : -1;
  }

  private void advanceOverAcked() {
    while (!outstanding.isEmpty() && outstanding.firstEntry().getValue()) {
      cursor = Math.max(cursor, outstanding.pollFirstEntry().getKey());
    }
  }
}
