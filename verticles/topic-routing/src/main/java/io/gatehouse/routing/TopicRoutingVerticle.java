package io.gatehouse.routing;

import io.gatehouse.operations.ShutdownCoordinator;
import io.gatehouse.operations.ShutdownCoordinator.Phase;
import io.gatehouse.operations.GatehouseMetrics;
import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.Codecs;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.Services;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.Publish;
import io.gatehouse.persistence.DatabaseOptions;
import io.gatehouse.persistence.Databases;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Function;

/**
 * The topic-routing service on the event bus: topics, membership, the append-only logs and live fan-out.
 * Any number of instances on any number of nodes may run against one database.
 */
public final class TopicRoutingVerticle extends VerticleBase {

  private Runnable drainHook = () -> { };
  private static final Logger LOG = LoggerFactory.getLogger(TopicRoutingVerticle.class);

  private RoutingOptions options;
  private Pool pool;
  private TopicLog log;
  private UserQuotas quotas;
  private long retentionTimer = -1;

  @Override
  public Future<?> start() {
    Codecs.register(vertx);
    options = RoutingOptions.from(config());
    return Databases.open(vertx, DatabaseOptions.from(config()), "routing").compose(this::serve)
      .onSuccess(v -> drainHook = ShutdownCoordinator.of(vertx).onShutdown("topic-routing appends", Phase.DRAIN, log::drained));
  }

  @Override
  public Future<?> stop() {
    drainHook.run();
    vertx.cancelTimer(retentionTimer);
    return log.drained().eventually(pool::close);
  }

  private Future<?> serve(Pool opened) {
    pool = opened;
    quotas = new UserQuotas(pool, options);
    Topics topics = new Topics(pool, quotas);
    LogReader reader = new LogReader(pool, options.maxReadLimit());
    Chats chats = new Chats(pool, options.maxReadLimit());
    log = new TopicLog(pool, options.maxBatch(), this::fanOut);
    PublishBatches batches = new PublishBatches(log, quotas, options);
    scheduleRetention(new Retention(pool, options));
    return Future.all(List.of(
      serve(Addresses.Routing.CREATE_TOPIC, topics::create),
      serve(Addresses.Routing.SUBSCRIBE, topics::subscribe),
      serve(Addresses.Routing.UNSUBSCRIBE, topics::unsubscribe),
      serve(Addresses.Routing.INVITE, topics::invite),
      serve(Addresses.Routing.MEMBERSHIPS, topics::memberships),
      serve(Addresses.Routing.PUBLISH, this::publish),
      serve(Addresses.Routing.PUBLISH_BATCH, batches::publish),
      serve(Addresses.Routing.READ_RANGE, reader::readRange),
      serve(Addresses.Routing.LOCATE, reader::locate),
      serve(Addresses.Routing.OPEN_CHAT, chats::open),
      serve(Addresses.Routing.CHAT_LIST, chats::list),
      serve(Addresses.Routing.CHAT_HISTORY, chats::history),
      serve(Addresses.Routing.HEALTH, this::health)));
  }

  private Future<?> publish(Publish request) {
    long started = System.nanoTime();
    if (!quotas.mayPublish(request.senderId(), started)) {
      GatehouseMetrics.rateLimited("publish");
      return ServiceFailure.fail(FailureCode.RATE_LIMITED, UserQuotas.MESSAGE_RATE);
    }
    return log.append(Append.of(request, options.maxContentChars(), System.currentTimeMillis()))
      .onSuccess(published -> GatehouseMetrics.publishCommitted(System.nanoTime() - started));
  }

  /** One bus message per committed message and node: gateways keep one consumer per topic with local members. */
  private void fanOut(Delivery delivery) {
    vertx.eventBus().publish(Addresses.Delivery.of(delivery.kind(), delivery.topicId()), delivery);
  }

  private Future<JsonObject> health(Object ignored) {
    return pool.query("SELECT 1").execute()
      .map(rows -> new JsonObject().put("service", "topic-routing").put("status", "UP"))
      .recover(failure -> ServiceFailure.fail(FailureCode.UNAVAILABLE, "unavailable"));
  }

  private void scheduleRetention(Retention retention) {
    retentionTimer = vertx.setPeriodic(options.retentionSweepSeconds() * 1000L, id -> retention.sweep()
      .onSuccess(deleted -> LOG.debug("retention sweep deleted {} log rows", deleted))
      .onFailure(failure -> LOG.warn("retention sweep failed: {}", failure.getMessage())));
  }

  private <T> Future<Void> serve(String address, Function<T, Future<?>> action) {
    return Services.serve(vertx.eventBus(), address, action);
  }
}
