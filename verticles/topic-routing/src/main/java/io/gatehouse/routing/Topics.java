package io.gatehouse.routing;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.routing.CreateTopic;
import io.gatehouse.contract.routing.Invite;
import io.gatehouse.contract.routing.TopicKind;
import io.gatehouse.contract.routing.TopicList;
import io.gatehouse.contract.routing.TopicMembership;
import io.gatehouse.contract.routing.TopicRef;
import io.gatehouse.contract.routing.UserRef;
import io.vertx.core.Future;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Topics and their members. Each action is one statement, so concurrent requests on other nodes cannot
 * interleave between its check and its change.
 */
final class Topics {

  private static final String CREATE = """
    WITH created AS (
      INSERT INTO routing.topics (name, kind, created_by) VALUES ($1, $2, $3)
      ON CONFLICT (name) DO NOTHING
      RETURNING id)
    INSERT INTO routing.members (topic_id, user_id) SELECT id, $3 FROM created
    RETURNING topic_id""";

  // In each membership statement the final SELECT sees the members table as it was before the statement.
  private static final String SUBSCRIBE = """
    WITH topic AS (SELECT id, name, kind, last_seq FROM routing.topics WHERE name = $1),
    joined AS (
      INSERT INTO routing.members (topic_id, user_id, joined_seq)
      SELECT id, $2, last_seq FROM topic WHERE kind = 0
      ON CONFLICT DO NOTHING
      RETURNING topic_id)
    SELECT id, name, kind,
      EXISTS (SELECT 1 FROM routing.members m WHERE m.topic_id = topic.id AND m.user_id = $2) AS was_member,
      EXISTS (SELECT 1 FROM joined) AS changed
    FROM topic""";

  private static final String UNSUBSCRIBE = """
    WITH topic AS (SELECT id, name, kind FROM routing.topics WHERE name = $1),
    left_topic AS (
      DELETE FROM routing.members m USING topic
      WHERE m.topic_id = topic.id AND m.user_id = $2 AND topic.kind <> 2
      RETURNING m.topic_id)
    SELECT id, name, kind,
      EXISTS (SELECT 1 FROM routing.members m WHERE m.topic_id = topic.id AND m.user_id = $2) AS was_member,
      EXISTS (SELECT 1 FROM left_topic) AS changed
    FROM topic""";

  private static final String INVITE = """
    WITH topic AS (SELECT id, name, kind, last_seq FROM routing.topics WHERE name = $1),
    inviter AS (SELECT 1 FROM routing.members m, topic WHERE m.topic_id = topic.id AND m.user_id = $2),
    joined AS (
      INSERT INTO routing.members (topic_id, user_id, joined_seq)
      SELECT id, $3, last_seq FROM topic WHERE kind IN (0, 1) AND EXISTS (SELECT 1 FROM inviter)
      ON CONFLICT DO NOTHING
      RETURNING topic_id)
    SELECT id, name, kind, EXISTS (SELECT 1 FROM inviter) AS was_member, EXISTS (SELECT 1 FROM joined) AS changed
    FROM topic""";

  // Owners are sorted so that concurrent transactions create inboxes in one order and cannot deadlock.
  private static final String ENSURE_INBOXES = """
    WITH created AS (
      INSERT INTO routing.topics (name, kind, created_by)
      SELECT o.name, 2, o.owner FROM unnest($1::text[], $2::uuid[]) AS o(name, owner) ORDER BY o.owner
      ON CONFLICT (name) DO NOTHING
      RETURNING id, created_by)
    INSERT INTO routing.members (topic_id, user_id) SELECT id, created_by FROM created""";

  private static final String MEMBERSHIPS = """
    SELECT t.id, t.name, t.kind FROM routing.members m JOIN routing.topics t ON t.id = m.topic_id
    WHERE m.user_id = $1 ORDER BY t.id""";

  private final Pool pool;
  private final UserQuotas quotas;

  Topics(Pool pool, UserQuotas quotas) {
    this.pool = pool;
    this.quotas = quotas;
  }

  Future<TopicRef> create(CreateTopic request) {
    UUID creator = Requests.userId(request.userId());
    String name = Requests.newTopicName(request.name());
    TopicKind kind = request.isPrivate() ? TopicKind.PRIVATE : TopicKind.PUBLIC;
    return quotas.mayCreate(creator).compose(v -> pool.preparedQuery(CREATE)
      .execute(Tuple.of(name, (short) kind.code(), creator))).map(rows -> {
      if (rows.size() == 0) {
        throw ServiceFailure.of(FailureCode.CONFLICT, "already_exists");
      }
      return new TopicRef(rows.iterator().next().getLong(0), name, kind);
    });
  }

  Future<TopicRef> subscribe(TopicMembership request) {
    Tuple params = membershipParams(request);
    return quotas.mayJoin(params.getUUID(1)).compose(v -> change(SUBSCRIBE, params)).map(MembershipRules::subscribe);
  }

  Future<TopicRef> unsubscribe(TopicMembership request) {
    return change(UNSUBSCRIBE, membershipParams(request)).map(MembershipRules::unsubscribe);
  }

  Future<TopicRef> invite(Invite request) {
    Tuple params = Tuple.of(Requests.existingTopicName(request.topicName()), Requests.userId(request.inviterId()),
      Requests.userId(request.inviteeId()));
    return quotas.mayInvite(params.getUUID(1), System.currentTimeMillis())
      .compose(v -> quotas.mayJoin(params.getUUID(2)))
      .compose(v -> change(INVITE, params)).map(MembershipRules::invite);
  }

  /** Every topic the user is a member of, creating their inbox first if they have none yet. */
  Future<TopicList> memberships(UserRef request) {
    UUID user = Requests.userId(request.userId());
    return ensureInboxes(pool, List.of(user))
      .compose(v -> pool.preparedQuery(MEMBERSHIPS).execute(Tuple.of(user)))
      .map(rows -> new TopicList(rows.stream().map(Topics::topicRef).toList()));
  }

  /** Creates the missing inboxes of these users, each with its owner as its only member. */
  static Future<Void> ensureInboxes(SqlClient client, List<UUID> owners) {
    if (owners.isEmpty()) {
      return Future.succeededFuture();
    }
    String[] names = owners.stream().map(Requests::inboxName).toArray(String[]::new);
    Tuple params = Tuple.tuple().addArrayOfString(names).addArrayOfUUID(owners.toArray(UUID[]::new));
    return client.preparedQuery(ENSURE_INBOXES).execute(params).mapEmpty();
  }

  private static Tuple membershipParams(TopicMembership request) {
    return Tuple.of(Requests.existingTopicName(request.topicName()), Requests.userId(request.userId()));
  }

  private Future<Optional<MembershipChange>> change(String sql, Tuple params) {
    return pool.preparedQuery(sql).execute(params).map(rows -> rows.stream().findFirst()
      .map(row -> new MembershipChange(topicRef(row), row.getBoolean("was_member"), row.getBoolean("changed"))));
  }

  static TopicRef topicRef(Row row) {
    return new TopicRef(row.getLong("id"), row.getString("name"), TopicKind.fromCode(row.getShort("kind")));
  }
}
