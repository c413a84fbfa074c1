package io.gatehouse.pending;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.routing.Ack;
import io.gatehouse.contract.routing.RangeStart;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class AckBatchTest {

  private static final UUID ANN = UUID.fromString("00000000-0000-4000-8000-000000000001");
  private static final UUID BEN = UUID.fromString("00000000-0000-4000-8000-000000000002");

  @Test
  @DisplayName("a batch stores one row per cursor, with the highest seq acked for it, in key order")
  void foldsAcksPerCursor() {
    AckBatch batch = new AckBatch(List.of(new CursorAck(BEN, 7, 3), new CursorAck(ANN, 9, 5),
      new CursorAck(BEN, 7, 8), new CursorAck(ANN, 2, 1), new CursorAck(BEN, 7, 4)));

    Tuple params = batch.upsertParams();

    assertThat(params.getArrayOfUUIDs(0)).containsExactly(ANN, ANN, BEN);
    assertThat(params.getArrayOfLongs(1)).containsExactly(2L, 9L, 7L);
    assertThat(params.getArrayOfLongs(2)).containsExactly(1L, 5L, 8L);
  }

  @Test
  @DisplayName("every ack is answered with its cursor as stored, which may be ahead of its own seq")
  void replyCarriesStoredCursor() {
    CursorAck late = new CursorAck(ANN, 9, 2);

    assertThat(AckBatch.acked(late, Map.of(late.key(), 6L)).cursor()).isEqualTo(6);
  }

  @Test
  @DisplayName("negative seqs, non-positive topics and malformed user ids are refused as invalid")
  void malformedAcksAreRefused() {
    assertThat(reasonOf(new Ack(ANN.toString(), 1, -1))).isEqualTo("invalid_request");
    assertThat(reasonOf(new Ack(ANN.toString(), 0, 1))).isEqualTo("invalid_request");
    assertThat(reasonOf(new Ack("ann", 1, 1))).isEqualTo("invalid_request");
    assertThat(ServiceFailure.codeOf(catchThrowable(() -> CursorAck.of(new Ack(null, 1, 1)))))
      .isEqualTo(FailureCode.BAD_REQUEST);
    assertThat(CursorAck.of(new Ack(ANN.toString(), 1, 0))).isEqualTo(new CursorAck(ANN, 1, 0));
  }

  @Test
  @DisplayName("catch-up starts after each cursor, and at 0 in topics never acked")
  void catchUpStartsAfterCursors() {
    assertThat(CatchUps.starts(List.of(1L, 2L), Map.of(2L, 40L)))
      .containsExactly(new RangeStart(1, 0), new RangeStart(2, 40));
  }

  private static String reasonOf(Ack ack) {
    return ServiceFailure.reasonOf(catchThrowable(() -> CursorAck.of(ack)));
  }
}
