package io.gatehouse.routing;

import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.TestDatabase;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.pgclient.PgBuilder;
import io.vertx.sqlclient.Pool;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static io.gatehouse.routing.RoutingClient.newUser;
import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class RetentionTest {

  private final String alice = newUser();

  @Test
  @DisplayName("log rows older than the retention period are deleted by the periodic sweep")
  void oldRowsAreDeleted(Vertx vertx, VertxTestContext ctx) {
    DatabaseOptions db = TestDatabase.fresh("routing");
    Pool pool = PgBuilder.pool().connectingTo(db.connectOptions()).using(vertx).build();
    RoutingClient routing = new RoutingClient(vertx);
    JsonObject retention = new JsonObject().put("retentionDays", 30).put("retentionSweepSeconds", 1);

    RoutingClient.deploy(vertx, RoutingClient.nodeConfig(db, retention), 1)
      .compose(id -> routing.create(alice, "news", false))
      .compose(topic -> routing.publish(alice, "news", "old"))
      .compose(published -> routing.publish(alice, "news", "older"))
      .compose(published -> routing.publish(alice, "news", "fresh"))
      .compose(published -> pool.query(
        "UPDATE routing.messages SET sent_at = now() - interval '31 days' WHERE content <> 'fresh'").execute())
      .compose(updated -> remainingOnceSwept(vertx, pool, 1))
      .onComplete(ctx.succeeding(contents -> ctx.verify(() -> {
        assertThat(contents).containsExactly("fresh");
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("with a per-topic maximum, only each topic's latest rows are kept")
  void rowsBeyondThePerTopicMaximumAreDeleted(Vertx vertx, VertxTestContext ctx) {
    DatabaseOptions db = TestDatabase.fresh("routing");
    Pool pool = PgBuilder.pool().connectingTo(db.connectOptions()).using(vertx).build();
    RoutingClient routing = new RoutingClient(vertx);
    JsonObject retention = new JsonObject().put("retentionMaxPerTopic", 2).put("retentionSweepSeconds", 1);

    RoutingClient.deploy(vertx, RoutingClient.nodeConfig(db, retention), 1)
      .compose(id -> routing.create(alice, "news", false))
      .compose(topic -> Future.all(List.of(routing.publish(alice, "news", "a"), routing.publish(alice, "news", "b"),
        routing.publish(alice, "news", "c"), routing.publish(alice, "news", "d"))))
      .compose(published -> remainingOnceSwept(vertx, pool, 2))
      .compose(contents -> pool.query("SELECT seq FROM routing.messages ORDER BY seq").execute())
      .onComplete(ctx.succeeding(rows -> ctx.verify(() -> {
        assertThat(rows).extracting(row -> row.getLong(0)).containsExactly(3L, 4L);
        ctx.completeNow();
      })));
  }

  /** Polls the log until it holds {@code expected} rows, then returns their contents in seq order. */
  private static Future<List<String>> remainingOnceSwept(Vertx vertx, Pool pool, int expected) {
    Promise<List<String>> remaining = Promise.promise();
    vertx.setPeriodic(200, timer -> pool.query("SELECT content FROM routing.messages ORDER BY seq").execute()
      .onSuccess(rows -> {
        if (rows.size() == expected) {
          vertx.cancelTimer(timer);
          remaining.tryComplete(rows.stream().map(row -> row.getString(0)).toList());
        }
      }));
    return remaining.future();
  }
}
