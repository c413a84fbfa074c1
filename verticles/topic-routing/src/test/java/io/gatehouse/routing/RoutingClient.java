package io.gatehouse.routing;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.routing.CreateTopic;
import io.gatehouse.contract.routing.DeliveryBatch;
import io.gatehouse.contract.routing.Invite;
import io.gatehouse.contract.routing.LocateMessage;
import io.gatehouse.contract.routing.MessagePosition;
import io.gatehouse.contract.routing.Publish;
import io.gatehouse.contract.routing.Published;
import io.gatehouse.contract.routing.RangeStart;
import io.gatehouse.contract.routing.ReadRange;
import io.gatehouse.contract.routing.TopicList;
import io.gatehouse.contract.routing.TopicMembership;
import io.gatehouse.contract.routing.TopicRef;
import io.gatehouse.contract.routing.UserRef;
import io.gatehouse.persistence.DatabaseOptions;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonObject;

import java.util.List;
import java.util.UUID;

/** Talks to topic-routing over the event bus the way a gateway does; shared with the pending-delivery tests. */
public final class RoutingClient {

  private final Vertx vertx;

  public RoutingClient(Vertx vertx) {
    this.vertx = vertx;
  }

  /** The full node config a verticle is deployed with. */
  public static JsonObject nodeConfig(DatabaseOptions database, JsonObject routing) {
    return new JsonObject().put("database", database.toJson()).put("routing", routing);
  }

  public static Future<String> deploy(Vertx vertx, JsonObject config, int instances) {
    return vertx.deployVerticle(TopicRoutingVerticle.class,
      new DeploymentOptions().setConfig(config).setInstances(instances));
  }

  public static String newUser() {
    return UUID.randomUUID().toString();
  }

  public Future<TopicRef> create(String userId, String name, boolean isPrivate) {
    return request(Addresses.Routing.CREATE_TOPIC, new CreateTopic(userId, name, isPrivate));
  }

  public Future<TopicRef> subscribe(String userId, String name) {
    return request(Addresses.Routing.SUBSCRIBE, new TopicMembership(userId, name));
  }

  public Future<TopicRef> unsubscribe(String userId, String name) {
    return request(Addresses.Routing.UNSUBSCRIBE, new TopicMembership(userId, name));
  }

  public Future<TopicRef> invite(String inviterId, String name, String inviteeId) {
    return request(Addresses.Routing.INVITE, new Invite(inviterId, name, inviteeId));
  }

  public Future<TopicList> memberships(String userId) {
    return request(Addresses.Routing.MEMBERSHIPS, new UserRef(userId));
  }

  public Future<Published> publish(String senderId, String topicName, String content) {
    return request(Addresses.Routing.PUBLISH, Publish.toTopic(senderId, "name-" + senderId.substring(0, 4),
      topicName, content));
  }

  public Future<Published> direct(String senderId, String recipientId, String content) {
    return request(Addresses.Routing.PUBLISH, Publish.toUser(senderId, "name-" + senderId.substring(0, 4),
      recipientId, content));
  }

  public Future<DeliveryBatch> readRange(String userId, List<RangeStart> starts, int limit) {
    return request(Addresses.Routing.READ_RANGE, new ReadRange(userId, starts, limit));
  }

  public Future<MessagePosition> locate(String userId, String messageId) {
    return request(Addresses.Routing.LOCATE, new LocateMessage(userId, messageId));
  }

  public <T> Future<T> request(String address, Object body) {
    return vertx.eventBus().<T>request(address, body).map(Message::body);
  }

  /** Succeeds when {@code result} failed with exactly this service failure; fails with the difference otherwise. */
  public static Future<Void> refused(Future<?> result, FailureCode code, String reason) {
    return result.transform(done -> {
      if (done.succeeded()) {
        return Future.failedFuture(new AssertionError("expected " + code + " " + reason + " but got " + done.result()));
      }
      FailureCode actualCode = ServiceFailure.codeOf(done.cause());
      String actualReason = ServiceFailure.reasonOf(done.cause());
      if (actualCode != code || !actualReason.equals(reason)) {
        return Future.failedFuture(new AssertionError("expected " + code + " " + reason + " but got " + actualCode
          + " " + actualReason));
      }
      return Future.succeededFuture();
    });
  }
}
