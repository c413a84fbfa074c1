package io.gatehouse.edge;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("A subscription's cursor writes")
class CursorWriterTest {

  @Test
  @DisplayName("while one write is under way, later cursors wait and only the latest is written next")
  void coalescesWhileWriting() {
    List<Long> written = new ArrayList<>();
    List<Promise<Void>> pending = new ArrayList<>();
    CursorWriter writer = new CursorWriter(cursor -> {
      written.add(cursor);
      Promise<Void> done = Promise.promise();
      pending.add(done);
      return done.future();
    });
    Future<Void> first = writer.store(1);
    Future<Void> second = writer.store(2);
    Future<Void> third = writer.store(3);
    assertThat(writer.store(-1).succeeded()).isTrue();
    assertThat(written).containsExactly(1L);

    pending.get(0).complete();
    assertThat(first.succeeded()).isTrue();
    assertThat(second.isComplete()).isFalse();
    assertThat(written).containsExactly(1L, 3L);

    pending.get(1).complete();
    assertThat(second.succeeded()).isTrue();
    assertThat(third.succeeded()).isTrue();
  }
}
