package io.gatehouse.routing;

import io.gatehouse.contract.routing.Published;
import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.Timeout;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import static io.gatehouse.routing.RoutingClient.newUser;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class ConcurrentAppendTest {

  private static final int PUBLISHES = 1000;
  private static final List<String> TOPICS = List.of("alpha", "beta", "gamma");

  @Test
  @Timeout(value = 2, timeUnit = TimeUnit.MINUTES)
  @DisplayName("1 000 concurrent publishes through two routing instances number each topic 1..n without gaps")
  void sequenceNumbersStayGapFreeAcrossInstances(Vertx vertx, VertxTestContext ctx) {
    DatabaseOptions db = TestDatabase.fresh("routing");
    // small batches, so that the two instances interleave many transactions on the same topic rows
    JsonObject config = RoutingClient.nodeConfig(db, new JsonObject().put("maxBatch", 16));
    RoutingClient routing = new RoutingClient(vertx);
    List<String> users = IntStream.range(0, 10).mapToObj(i -> newUser()).toList();

    RoutingClient.deploy(vertx, config, 2)
      .compose(id -> Future.all(TOPICS.stream().map(name -> routing.create(users.get(0), name, false)).toList()))
      .compose(created -> Future.all(users.subList(1, users.size()).stream()
        .flatMap(user -> TOPICS.stream().map(name -> routing.subscribe(user, name))).toList()).map(created))
      .compose(created -> Future.all(IntStream.range(0, PUBLISHES)
        .mapToObj(i -> routing.publish(users.get(i % users.size()), TOPICS.get(i % TOPICS.size()), "m" + i))
        .toList()))
      .compose(all -> storedSeqs(vertx, db).map(stored -> {
        List<Published> published = all.list();
        Map<Long, List<Long>> replied = published.stream().collect(Collectors.groupingBy(Published::topicId,
          Collectors.mapping(Published::seq, Collectors.toList())));
        ctx.verify(() -> {
          assertThat(replied).hasSize(TOPICS.size());
          replied.forEach((topicId, seqs) -> assertThat(seqs).containsExactlyInAnyOrderElementsOf(
            LongStream.rangeClosed(1, seqs.size()).boxed().toList()));
          assertThat(stored).isEqualTo(replied.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
            entry -> (long) entry.getValue().size())));
        });
        return stored;
      }))
      .onComplete(ctx.succeedingThenComplete());
  }

  /** Per topic: rows in the log, checked to equal both the highest seq and the topic's last_seq. */
  private static Future<Map<Long, Long>> storedSeqs(Vertx vertx, DatabaseOptions db) {
    Pool pool = PgBuilder.pool().connectingTo(db.connectOptions()).using(vertx).build();
    return pool.query("""
        SELECT t.id, count(m.seq) AS n, max(m.seq) AS top, t.last_seq
        FROM routing.topics t JOIN routing.messages m ON m.topic_id = t.id GROUP BY t.id""").execute()
      .map(rows -> rows.stream()
        .filter(row -> row.getLong("n").equals(row.getLong("top")) && row.getLong("top").equals(row.getLong("last_seq")))
        .collect(Collectors.toMap(row -> row.getLong("id"), row -> row.getLong("n"))))
      .eventually(pool::close);
  }
}
