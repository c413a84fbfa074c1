package io.gatehouse.pending;

import io.gatehouse.contract.routing.Acked;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The acks of one batch folded into one row per cursor (an upsert may touch a row only once per
 * statement), keeping the highest seq, since acks are cumulative.
 */
final class AckBatch {

  private final Map<CursorAck.CursorKey, Long> highest = new TreeMap<>();

  AckBatch(List<CursorAck> acks) {
    acks.forEach(ack -> highest.merge(ack.key(), ack.seq(), Math::max));
  }

  /** Parameters of the upsert: users, topics and seqs, in key order. */
  Tuple upsertParams() {
    return Tuple.tuple()
      .addArrayOfUUID(highest.keySet().stream().map(CursorAck.CursorKey::userId).toArray(UUID[]::new))
      .addArrayOfLong(highest.keySet().stream().map(CursorAck.CursorKey::topicId).toArray(Long[]::new))
      .addArrayOfLong(highest.values().toArray(Long[]::new));
  }

  /** The reply to one ack, given every cursor as stored after the batch. */
  static Acked acked(CursorAck ack, Map<CursorAck.CursorKey, Long> stored) {
    return new Acked(ack.topicId(), stored.get(ack.key()));
  }
}
