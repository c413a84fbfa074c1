package io.gatehouse.routing;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.routing.Publish;
import io.gatehouse.contract.routing.PublishBatch;
import io.gatehouse.contract.routing.Published;
import io.gatehouse.contract.routing.PublishedBatch;
import io.gatehouse.contract.routing.PublishedBatch.Outcome;
import io.gatehouse.operations.GatehouseMetrics;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.List;

/**
 * Appends one connection's publishes together: the sender's message quota admits as many as its bucket
 * holds, those go to the log side by side (one transaction when they fit in a batch), and the rest are
 * deferred with the time after which the bucket will hold them, so that an edge slows the sender down
 * instead of refusing it. Each admitted entry is answered as a single publish would be. Event-loop confined.
 */
final class PublishBatches {

  private final TopicLog log;
  private final UserQuotas quotas;
  private final RoutingOptions options;

  PublishBatches(TopicLog log, UserQuotas quotas, RoutingOptions options) {
    this.log = log;
    this.quotas = quotas;
    this.options = options;
  }

  Future<PublishedBatch> publish(PublishBatch request) {
    List<Publish> publishes = request.publishes();
    if (publishes.isEmpty() || publishes.size() > PublishBatch.MAX_ENTRIES || publishes.stream()
      .anyMatch(publish -> publish.senderId() == null || !publish.senderId().equals(publishes.get(0).senderId()))) {
      return ServiceFailure.fail(FailureCode.BAD_REQUEST, Requests.INVALID);
    }
    String sender = publishes.get(0).senderId();
    long now = System.nanoTime();
    int admitted = quotas.admit(sender, publishes.size(), now);
    int deferred = publishes.size() - admitted;
    long retryAfterMs = deferred == 0 ? 0 : quotas.retryAfterMs(sender, deferred, now);
    if (deferred > 0) {
      GatehouseMetrics.publishDeferred(deferred);
    }
    long sentAt = System.currentTimeMillis();
    List<Future<Published>> results = new ArrayList<>(admitted);
    List<Append> appends = new ArrayList<>(admitted);
    List<Integer> appendAt = new ArrayList<>(admitted);
    for (int i = 0; i < admitted; i++) {
      try {
        appends.add(Append.of(publishes.get(i), options.maxContentChars(), sentAt));
        appendAt.add(i);
        results.add(null);
      } catch (RuntimeException refused) {
        results.add(Future.failedFuture(refused));
      }
    }
    List<Future<Published>> committed = log.appendAll(appends);
    for (int j = 0; j < committed.size(); j++) {
      results.set(appendAt.get(j), committed.get(j)
        .onSuccess(published -> GatehouseMetrics.publishCommitted(System.nanoTime() - now)));
    }
    return Future.join(results).transform(done -> Future.succeededFuture(new PublishedBatch(
      results.stream().map(result -> result.succeeded() ? Outcome.committed(result.result())
        : Outcome.refused(result.cause())).toList(), deferred, retryAfterMs)));
  }
}
