package io.gatehouse.pending;

import io.gatehouse.operations.ShutdownCoordinator;
import io.gatehouse.operations.ShutdownCoordinator.Phase;
import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.Codecs;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.ServiceRequests;
import io.gatehouse.contract.Services;
import io.gatehouse.contract.routing.Ack;
import io.gatehouse.contract.routing.CursorQuery;
import io.gatehouse.contract.routing.DeliveryBatch;
import io.gatehouse.contract.routing.ReadRange;
import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.Databases;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;

import java.util.List;
import java.util.function.Function;

/** The pending-delivery service on the event bus: cursors, acks and catch-up. */
public final class PendingDeliveryVerticle extends VerticleBase {

  private Runnable drainHook = () -> { };
  private PendingOptions options;
  private Pool pool;
  private Cursors cursors;
  private ServiceRequests reads;

  @Override
  public Future<?> start() {
    Codecs.register(vertx);
    options = PendingOptions.from(config());
    return Databases.open(vertx, DatabaseOptions.from(config()), "pending").compose(this::serve)
      .onSuccess(v -> drainHook = ShutdownCoordinator.of(vertx).onShutdown("pending-delivery acks", Phase.DRAIN, cursors::drained));
  }

  @Override
  public Future<?> stop() {
    drainHook.run();
    return cursors.drained().eventually(pool::close);
  }

  private Future<?> serve(Pool opened) {
    pool = opened;
    reads = new ServiceRequests(vertx, options.readTimeoutMs(), options.attemptTimeoutMs());
    cursors = new Cursors(pool, options.maxBatch(), options.maxAckWritesInFlight());
    CatchUps catchUps = new CatchUps(cursors, this::readRange, options.maxCatchUp());
    AckedAheadStore ahead = new AckedAheadStore(pool);
    return Future.all(List.of(
      serve(Addresses.Pending.CATCH_UP, catchUps::catchUp),
      serve(Addresses.Pending.ACK, (Ack ack) -> cursors.ack(CursorAck.of(ack))),
      serve(Addresses.Pending.CURSORS, (CursorQuery query) -> cursors.all(Requests.userId(query.userId()))),
      serve(Addresses.Pending.ACK_ONE, ahead::ackOne),
      serve(Addresses.Pending.ACKED_AHEAD, ahead::ahead),
      serve(Addresses.Pending.HEALTH, this::health)));
  }

  private Future<DeliveryBatch> readRange(ReadRange request) {
    return reads.retrying(Addresses.Routing.READ_RANGE, request);
  }

  private Future<JsonObject> health(Object ignored) {
    return pool.query("SELECT 1").execute()
      .map(rows -> new JsonObject().put("service", "pending-delivery").put("status", "UP"))
      .recover(failure -> ServiceFailure.fail(FailureCode.UNAVAILABLE, "unavailable"));
  }

  private <T> Future<Void> serve(String address, Function<T, Future<?>> action) {
    return Services.serve(vertx.eventBus(), address, action);
  }
}
