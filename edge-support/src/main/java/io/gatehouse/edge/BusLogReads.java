package io.gatehouse.edge;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.ServiceRequests;
import io.gatehouse.contract.routing.CatchUp;
import io.gatehouse.contract.routing.CursorList;
import io.gatehouse.contract.routing.CursorQuery;
import io.gatehouse.contract.routing.DeliveryBatch;
import io.gatehouse.contract.routing.RangeStart;
import io.gatehouse.contract.routing.ReadRange;
import io.vertx.core.Future;

import java.util.List;

/**
 * A delivery stream's reads over the bus: what the member has not acked from pending-delivery, what
 * follows a sequence number from topic-routing; {@code batch} deliveries at most per read. Both may run
 * twice, so they skip an instance that does not answer ({@link ServiceRequests#retrying}).
 */
public record BusLogReads(ServiceRequests services, String userId, long topicId, int batch)
  implements DeliveryStream.LogReads {

  @Override
  public Future<DeliveryBatch> pending() {
    return services.retrying(Addresses.Pending.CATCH_UP, new CatchUp(userId, List.of(topicId), batch));
  }

  /** The member's cursor in the topic: its last acked sequence number, 0 when it never acked. */
  public Future<Long> cursor() {
    return services.<CursorList>retrying(Addresses.Pending.CURSORS, new CursorQuery(userId))
      .map(list -> list.cursors().stream().filter(cursor -> cursor.topicId() == topicId)
        .mapToLong(RangeStart::afterSeq).findFirst().orElse(0L));
  }

  @Override
  public Future<DeliveryBatch> after(long seq) {
    return services.retrying(Addresses.Routing.READ_RANGE,
      new ReadRange(userId, List.of(new RangeStart(topicId, seq)), batch));
  }
}
