package io.gatehouse.persistence;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(VertxExtension.class)
class DatabasesTest {

  @Test
  @DisplayName("a schema is migrated on a real PostgreSQL and can be migrated again without change")
  void migratesSchemaIdempotently(Vertx vertx, VertxTestContext ctx) {
    DatabaseOptions options = TestDatabase.fresh("probe");
    Databases.open(vertx, options, "probe")
      .compose(pool -> pool.preparedQuery("INSERT INTO probe.probe (id, label) VALUES ($1, $2) RETURNING label")
        .execute(Tuple.of(1, "é ' ; DROP"))
        .map(rows -> rows.iterator().next().getString(0)))
      .compose(label -> Databases.migrate(vertx, options, "probe").map(label))
      .onComplete(ctx.succeeding(label -> ctx.verify(() -> {
        assertThat(label).isEqualTo("é ' ; DROP");
        ctx.completeNow();
      })));
  }

  @Test
  @DisplayName("an unreachable server fails the migration with a one-line reason")
  void unreachableServerFailsClearly(Vertx vertx, VertxTestContext ctx) {
    DatabaseOptions nowhere = new DatabaseOptions("127.0.0.1", 1, "x", "postgres", "", 1);
    Databases.migrate(vertx, nowhere, "probe").onComplete(ctx.failing(failure -> ctx.verify(() -> {
      assertThat(failure.getMessage()).contains("cannot migrate schema probe").doesNotContain("\n");
      ctx.completeNow();
    })));
  }
}
