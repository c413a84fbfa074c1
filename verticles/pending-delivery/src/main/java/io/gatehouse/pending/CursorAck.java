package io.gatehouse.pending;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.routing.Ack;

import java.util.UUID;

/** A checked ack: whose cursor, in which topic, up to which seq. */
record CursorAck(UUID userId, long topicId, long seq) {

  static CursorAck of(Ack ack) {
    if (ack.topicId() < 1 || ack.seq() < 0) {
      throw ServiceFailure.of(FailureCode.BAD_REQUEST, Requests.INVALID);
    }
    return new CursorAck(Requests.userId(ack.userId()), ack.topicId(), ack.seq());
  }

  CursorKey key() {
    return new CursorKey(userId, topicId);
  }

  /** One user's cursor in one topic; ordered so that batches touch rows in one order. */
  record CursorKey(UUID userId, long topicId) implements Comparable<CursorKey> {
    @Override
    public int compareTo(CursorKey other) {
      int byUser = userId.compareTo(other.userId);
      return byUser != 0 ? byUser : Long.compare(topicId, other.topicId);
    }
  }
}
