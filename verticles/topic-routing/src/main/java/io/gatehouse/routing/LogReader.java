package io.gatehouse.routing;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.DeliveryBatch;
import io.gatehouse.contract.routing.LocateMessage;
import io.gatehouse.contract.routing.MessagePosition;
import io.gatehouse.contract.routing.ReadRange;
import io.gatehouse.contract.routing.TopicKind;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The read side of the topic logs, always on behalf of a user and limited to topics that user is a member
 * of, from the point they joined.
 */
final class LogReader {

  // The lateral limit lets each topic stop at the primary key after enough rows; the outer one caps the total.
  private static final String READ_RANGE = """
    SELECT l.topic_id, t.name, t.kind, l.seq, l.message_id, l.sender_id, l.sender_name, l.sent_at, l.content,
      l.attributes
    FROM unnest($1::bigint[], $2::bigint[]) AS s(topic_id, after_seq)
    JOIN routing.members mem ON mem.topic_id = s.topic_id AND mem.user_id = $3
    JOIN routing.topics t ON t.id = s.topic_id
    CROSS JOIN LATERAL (
      SELECT * FROM routing.messages m
      WHERE m.topic_id = s.topic_id AND m.seq > GREATEST(s.after_seq, mem.joined_seq)
      ORDER BY m.seq LIMIT $4) l
    ORDER BY l.topic_id, l.seq
    LIMIT $4""";

  private static final String LOCATE = """
    SELECT m.topic_id, m.seq, m.sender_id FROM routing.messages m
    JOIN routing.members mem ON mem.topic_id = m.topic_id AND mem.user_id = $2
    WHERE m.message_id = $1 AND m.seq > mem.joined_seq""";

  private final Pool pool;
  private final int maxReadLimit;

  LogReader(Pool pool, int maxReadLimit) {
    this.pool = pool;
    this.maxReadLimit = maxReadLimit;
  }

  /** Messages after each start, by topic then seq; a limit outside 1..max means the max. */
  Future<DeliveryBatch> readRange(ReadRange request) {
    UUID reader = Requests.userId(request.userId());
    int limit = request.limit() < 1 || request.limit() > maxReadLimit ? maxReadLimit : request.limit();
    Map<Long, Long> starts = new TreeMap<>();
    request.starts().forEach(start -> starts.merge(start.topicId(), start.afterSeq(), Math::min));
    if (starts.isEmpty()) {
      return Future.succeededFuture(new DeliveryBatch(List.of(), false));
    }
    Tuple params = Tuple.tuple().addArrayOfLong(starts.keySet().toArray(Long[]::new))
      .addArrayOfLong(starts.values().toArray(Long[]::new)).addUUID(reader).addInteger(limit + 1);
    return pool.preparedQuery(READ_RANGE).execute(params).map(rows -> {
      List<Delivery> deliveries = rows.stream().limit(limit).map(LogReader::delivery).toList();
      return new DeliveryBatch(deliveries, rows.size() > limit);
    });
  }

  Future<MessagePosition> locate(LocateMessage request) {
    UUID user = Requests.userId(request.userId());
    UUID messageId = messageId(request.messageId());
    return pool.preparedQuery(LOCATE).execute(Tuple.of(messageId, user)).map(rows -> rows.stream().findFirst()
      .map(row -> new MessagePosition(row.getLong("topic_id"), row.getLong("seq"), row.getUUID("sender_id").toString()))
      .orElseThrow(() -> ServiceFailure.of(FailureCode.NOT_FOUND, MembershipRules.NOT_FOUND)));
  }

  /** A message id that is not even a UUID names no message. */
  private static UUID messageId(String id) {
    try {
      return UUID.fromString(String.valueOf(id));
    } catch (IllegalArgumentException e) {
      throw ServiceFailure.of(FailureCode.NOT_FOUND, MembershipRules.NOT_FOUND);
    }
  }

  static Delivery delivery(Row row) {
    return new Delivery(row.getLong("topic_id"), row.getString("name"), TopicKind.fromCode(row.getShort("kind")),
      row.getLong("seq"), row.getUUID("message_id").toString(), row.getUUID("sender_id").toString(),
      row.getString("sender_name"), row.getOffsetDateTime("sent_at").toInstant().toEpochMilli(),
      row.getString("content"), false, row.getString("attributes"));
  }
}
