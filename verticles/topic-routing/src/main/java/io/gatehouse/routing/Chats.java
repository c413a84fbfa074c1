package io.gatehouse.routing;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.routing.ChatHistory;
import io.gatehouse.contract.routing.ChatList;
import io.gatehouse.contract.routing.ChatRef;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.DeliveryBatch;
import io.gatehouse.contract.routing.OpenChat;
import io.gatehouse.contract.routing.UserRef;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.UUID;

/**
 * Two-member chats: a CHAT topic per pair of users, found or created in one statement, and their history
 * read newest first. The log, cursors and fan-out are the topics' own.
 */
final class Chats {

  // The topic row is created first (its id is needed by the pair row); a concurrent request for the same
  // pair waits on the pair key and then inserts nothing, and its transaction is rolled back (ChatExists)
  // so that its topic row goes too.
  private static final String OPEN = """
    WITH topic AS (
      INSERT INTO routing.topics (name, kind, created_by) VALUES ('@chat/' || $3::text, 3, $4) RETURNING id),
    pair AS (
      INSERT INTO routing.chats (user_low, user_high, chat_id, topic_id) SELECT $1, $2, $3::uuid, id FROM topic
      ON CONFLICT (user_low, user_high) DO NOTHING
      RETURNING chat_id, topic_id)
    SELECT chat_id, topic_id FROM pair""";

  private static final String JOIN_BOTH = """
    INSERT INTO routing.members (topic_id, user_id) SELECT $1, u FROM unnest(ARRAY[$2, $3]::uuid[]) AS u""";

  private static final String FIND = """
    SELECT chat_id, topic_id FROM routing.chats WHERE user_low = $1 AND user_high = $2""";

  private static final String LIST = """
    SELECT c.chat_id, c.topic_id FROM routing.chats c
    JOIN routing.members m ON m.topic_id = c.topic_id AND m.user_id = $1
    ORDER BY c.topic_id""";

  private static final String HISTORY = """
    SELECT m.topic_id, t.name, t.kind, m.seq, m.message_id, m.sender_id, m.sender_name, m.sent_at, m.content,
      m.attributes
    FROM routing.chats c
    JOIN routing.members mem ON mem.topic_id = c.topic_id AND mem.user_id = $2
    JOIN routing.topics t ON t.id = c.topic_id
    CROSS JOIN LATERAL (
      SELECT * FROM routing.messages l
      WHERE l.topic_id = c.topic_id AND l.seq < $3 AND l.seq > mem.joined_seq
      ORDER BY l.seq DESC LIMIT $4) m
    WHERE c.chat_id = $1
    ORDER BY m.seq DESC""";

  private static final String IS_MEMBER = """
    SELECT 1 FROM routing.chats c JOIN routing.members m ON m.topic_id = c.topic_id AND m.user_id = $2
    WHERE c.chat_id = $1""";

  private final Pool pool;
  private final int maxPageSize;

  Chats(Pool pool, int maxPageSize) {
    this.pool = pool;
    this.maxPageSize = maxPageSize;
  }

  /** The pair's chat, created with both members on first use; one chat per pair whoever asks and however often. */
  Future<ChatRef> open(OpenChat request) {
    UUID user = Requests.userId(request.userId());
    UUID peer = Requests.userId(request.peerId());
    if (user.equals(peer)) {
      throw ServiceFailure.of(FailureCode.BAD_REQUEST, Requests.INVALID);
    }
    // PostgreSQL orders uuids bytewise, as their canonical strings sort; UUID.compareTo uses signed longs.
    UUID low = user.toString().compareTo(peer.toString()) < 0 ? user : peer;
    UUID high = low == user ? peer : user;
    UUID chatId = UUID.randomUUID();
    return pool.withTransaction(connection -> connection.preparedQuery(OPEN)
        .execute(Tuple.of(low, high, chatId.toString(), user))
        .compose(rows -> {
          if (rows.size() == 0) {
            return Future.<ChatRef>failedFuture(new ChatExists());
          }
          ChatRef created = chatRef(rows.iterator().next(), true);
          return connection.preparedQuery(JOIN_BOTH).execute(Tuple.of(created.topicId(), low, high))
            .map(joined -> created);
        }))
      .recover(failure -> failure instanceof ChatExists ? find(low, high) : Future.failedFuture(failure));
  }

  /** Every chat the user is a member of, oldest first. */
  Future<ChatList> list(UserRef request) {
    UUID user = Requests.userId(request.userId());
    return pool.preparedQuery(LIST).execute(Tuple.of(user))
      .map(rows -> new ChatList(rows.stream().map(row -> chatRef(row, false)).toList()));
  }

  /** A page of the chat's log, newest first; empty pages of a chat the user belongs to are not refusals. */
  Future<DeliveryBatch> history(ChatHistory request) {
    UUID user = Requests.userId(request.userId());
    UUID chatId = chatId(request.chatId());
    int pageSize = request.pageSize() < 1 || request.pageSize() > maxPageSize ? maxPageSize : request.pageSize();
    long before = request.beforeSeq() <= 0 ? Long.MAX_VALUE : request.beforeSeq();
    return pool.preparedQuery(HISTORY).execute(Tuple.of(chatId, user, before, pageSize + 1)).compose(rows -> {
      if (rows.size() == 0) {
        return requireMember(chatId, user).map(v -> new DeliveryBatch(List.of(), false));
      }
      List<Delivery> page = rows.stream().limit(pageSize).map(LogReader::delivery).toList();
      return Future.succeededFuture(new DeliveryBatch(page, rows.size() > pageSize));
    });
  }

  private Future<Void> requireMember(UUID chatId, UUID user) {
    return pool.preparedQuery(IS_MEMBER).execute(Tuple.of(chatId, user)).compose(rows -> rows.size() > 0
      ? Future.succeededFuture()
      : ServiceFailure.fail(FailureCode.NOT_FOUND, MembershipRules.NOT_FOUND));
  }

  private Future<ChatRef> find(UUID low, UUID high) {
    return pool.preparedQuery(FIND).execute(Tuple.of(low, high)).map(rows -> rows.stream().findFirst()
      .map(row -> chatRef(row, false))
      .orElseThrow(() -> ServiceFailure.of(FailureCode.UNAVAILABLE, "unavailable")));
  }

  /** A chat id that is not even a UUID names no chat. */
  private static UUID chatId(String id) {
    try {
      return UUID.fromString(String.valueOf(id));
    } catch (IllegalArgumentException e) {
      throw ServiceFailure.of(FailureCode.NOT_FOUND, MembershipRules.NOT_FOUND);
    }
  }

  /** Rolls back a creation that lost the race for its pair. */
  private static final class ChatExists extends RuntimeException {
    ChatExists() {
      super("chat exists", null, false, false);
    }
  }

  private static ChatRef chatRef(Row row, boolean created) {
    return new ChatRef(row.getUUID("chat_id").toString(), row.getLong("topic_id"), created);
  }
}
