package io.gatehouse.gateway.actions;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.auth.FindUser;
import io.gatehouse.contract.auth.UserSummary;
import io.gatehouse.contract.gateway.MembershipChange;
import io.gatehouse.contract.routing.Ack;
import io.gatehouse.contract.routing.CreateTopic;
import io.gatehouse.contract.routing.Invite;
import io.gatehouse.contract.routing.LocateMessage;
import io.gatehouse.contract.routing.MessagePosition;
import io.gatehouse.contract.routing.Publish;
import io.gatehouse.contract.routing.Published;
import io.gatehouse.contract.routing.TopicMembership;
import io.gatehouse.contract.routing.TopicRef;
import io.gatehouse.gateway.RequestSchema;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The actions of PROTOCOLS §1, each a small handler over topic-routing, pending-delivery and user-auth. */
final class TopicActions {

  private TopicActions() {
  }

  static Map<String, Action> registry() {
    RequestSchema topic = RequestSchema.load("actions/topic");
    RequestSchema empty = RequestSchema.load("actions/empty");
    Action subscribe = new Action(topic, TopicActions::subscribe);
    return Map.of(
      "create", new Action(RequestSchema.load("actions/create"), TopicActions::create),
      "subscribe", subscribe,
      "suscribe", subscribe,
      "unsubscribe", new Action(topic, TopicActions::unsubscribe),
      "invite", new Action(RequestSchema.load("actions/invite"), TopicActions::invite),
      "message", new Action(RequestSchema.load("actions/message"), TopicActions::message),
      "ack", new Action(RequestSchema.load("actions/ack"), TopicActions::ack),
      "ping", new Action(empty, (session, request) -> Future.succeededFuture(new JsonObject())),
      "disconnect", new Action(empty, TopicActions::disconnect));
  }

  private static Future<JsonObject> create(ActionSession session, JsonObject request) {
    String name = request.getString("topic_name");
    return session.hub().services.<TopicRef>request(Addresses.Routing.CREATE_TOPIC,
        new CreateTopic(session.userId(), name, request.getBoolean("is_private", false)))
      .compose(ref -> joined(session, session.userId(), ref))
      .map(ref -> ok().put("topic_name", name));
  }

  private static Future<JsonObject> subscribe(ActionSession session, JsonObject request) {
    String name = request.getString("topic_name");
    return session.hub().services.<TopicRef>request(Addresses.Routing.SUBSCRIBE, new TopicMembership(session.userId(), name))
      .compose(ref -> joined(session, session.userId(), ref))
      .map(ref -> ok().put("topic_name", name));
  }

  private static Future<JsonObject> unsubscribe(ActionSession session, JsonObject request) {
    String name = request.getString("topic_name");
    return session.hub().services.<TopicRef>request(Addresses.Routing.UNSUBSCRIBE, new TopicMembership(session.userId(), name))
      .map(ref -> {
        session.unfollow(ref.topicId());
        session.hub().vertx.eventBus().publish(Addresses.Sessions.user(session.userId()),
          new MembershipChange(session.userId(), ref, false));
        return ok().put("topic_name", name);
      });
  }

  private static Future<JsonObject> invite(ActionSession session, JsonObject request) {
    String name = request.getString("topic_name");
    return session.hub().services.<UserSummary>retrying(Addresses.Auth.FIND_USER, FindUser.byUsername(request.getString("username")))
      .compose(invitee -> session.hub().services.<TopicRef>request(Addresses.Routing.INVITE,
          new Invite(session.userId(), name, invitee.userId()))
        .map(ref -> {
          session.hub().vertx.eventBus().publish(Addresses.Sessions.user(invitee.userId()),
            new MembershipChange(invitee.userId(), ref, true));
          return ok().put("topic_name", name);
        }));
  }

  /** To a topic, or else (no such topic visible) to the user of that name. */
  private static Future<JsonObject> message(ActionSession session, JsonObject request) {
    String target = request.getString("topic_name");
    String content = request.getString("content");
    var services = session.hub().services;
    String senderId = session.userId();
    String senderName = session.principal().name();
    // one target's messages leave one at a time, so they are committed in the order the client sent them
    return session.publishLanes().submit(target, () -> services.<Published>nearest(Addresses.Routing.PUBLISH,
        Publish.toTopic(senderId, senderName, target, content))
      .recover(failure -> {
        if (ServiceFailure.codeOf(failure) != FailureCode.NOT_FOUND) {
          return Future.failedFuture(failure);
        }
        return services.<UserSummary>retrying(Addresses.Auth.FIND_USER, FindUser.byUsername(target))
          .compose(recipient -> services.nearest(Addresses.Routing.PUBLISH,
            Publish.toUser(senderId, senderName, recipient.userId(), content)));
      }))
      .map(published -> ok().put("message_id", published.messageId()));
  }

  /** Acks are cumulative per topic: the highest acked position of each topic moves the cursor. */
  private static Future<JsonObject> ack(ActionSession session, JsonObject request) {
    List<String> ids = new ArrayList<>();
    if (request.getString("message_id") != null) {
      ids.add(request.getString("message_id"));
    }
    JsonArray many = request.getJsonArray("message_ids");
    if (many != null) {
      many.forEach(id -> ids.add((String) id));
    }
    List<Future<MessagePosition>> positions = ids.stream().map(id -> position(session, id)).toList();
    return Future.all(positions).compose(all -> {
      Map<Long, Long> highest = new HashMap<>();
      positions.forEach(position -> highest.merge(position.result().topicId(), position.result().seq(), Math::max));
      List<Future<Object>> acks = highest.entrySet().stream()
        .map(entry -> session.hub().services.retrying(Addresses.Pending.ACK,
          new Ack(session.userId(), entry.getKey(), entry.getValue())))
        .toList();
      return Future.all(acks);
    }).map(done -> new JsonObject());
  }

  private static Future<MessagePosition> position(ActionSession session, String messageId) {
    MessagePosition known = session.positionOf(messageId);
    return known != null ? Future.succeededFuture(known)
      : session.hub().services.retrying(Addresses.Routing.LOCATE, new LocateMessage(session.userId(), messageId));
  }

  private static Future<JsonObject> disconnect(ActionSession session, JsonObject request) {
    session.hub().vertx.setTimer(50, id -> session.close((short) 1000, "bye"));
    return Future.succeededFuture(new JsonObject());
  }

  /** Follows the topic on this connection, then tells the user's other connections. */
  private static Future<TopicRef> joined(ActionSession session, String userId, TopicRef ref) {
    return session.follow(List.of(ref), Map.of()).map(done -> {
      session.hub().vertx.eventBus().publish(Addresses.Sessions.user(userId), new MembershipChange(userId, ref, true));
      return ref;
    });
  }

  private static JsonObject ok() {
    return new JsonObject().put("result", "ok");
  }
}
