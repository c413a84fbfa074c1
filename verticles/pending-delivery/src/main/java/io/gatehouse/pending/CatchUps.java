package io.gatehouse.pending;

import io.gatehouse.operations.GatehouseMetrics;
import io.gatehouse.contract.routing.CatchUp;
import io.gatehouse.contract.routing.DeliveryBatch;
import io.gatehouse.contract.routing.RangeStart;
import io.gatehouse.contract.routing.ReadRange;
import io.vertx.core.Future;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Catch-up: what lies after a user's cursors. The cursors are ours; the messages come from topic-routing,
 * in one range read for all topics, which also drops topics the user is not a member of.
 */
final class CatchUps {

  private final Cursors cursors;
  private final Function<ReadRange, Future<DeliveryBatch>> readRange;
  private final int maxCatchUp;

  CatchUps(Cursors cursors, Function<ReadRange, Future<DeliveryBatch>> readRange, int maxCatchUp) {
    this.cursors = cursors;
    this.readRange = readRange;
    this.maxCatchUp = maxCatchUp;
  }

  Future<DeliveryBatch> catchUp(CatchUp request) {
    UUID user = Requests.userId(request.userId());
    List<Long> topicIds = request.topicIds().stream().distinct().sorted().toList();
    if (topicIds.isEmpty()) {
      return Future.succeededFuture(new DeliveryBatch(List.of(), false));
    }
    int limit = request.limit() < 1 || request.limit() > maxCatchUp ? maxCatchUp : request.limit();
    return cursors.of(user, topicIds)
      .compose(acked -> readRange.apply(new ReadRange(user.toString(), starts(topicIds, acked), limit)))
      .map(DeliveryBatch::asPending)
      .onSuccess(batch -> GatehouseMetrics.catchUpRead(batch.deliveries().size()));
  }

  /** A topic never acked starts at 0: everything the member may see in it is pending. */
  static List<RangeStart> starts(List<Long> topicIds, Map<Long, Long> acked) {
    return topicIds.stream().map(topicId -> new RangeStart(topicId, acked.getOrDefault(topicId, 0L))).toList();
  }
}
