package io.gatehouse.bench;

import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * One raw-ceiling socket: the subset of the action protocol the generator uses, with no auth and no storage.
 * Each publish is encoded once as a delivery frame and handed to the {@link RawTopicBoard}.
 */
final class RawSession {

  private final ServerWebSocket socket;
  private final Context context;
  private final RawTopicBoard board;
  private final String name;
  private final Set<String> joined = new HashSet<>();

  RawSession(ServerWebSocket socket, Context context, RawTopicBoard board) {
    this.socket = socket;
    this.context = context;
    this.board = board;
    String path = socket.path();
    this.name = path.substring(path.lastIndexOf('/') + 1);
  }

  void start() {
    socket.textMessageHandler(this::onText);
    socket.closeHandler(v -> joined.forEach(topic -> board.unsubscribe(topic, context, socket)));
  }

  private void onText(String text) {
    JsonObject request;
    try {
      request = new JsonObject(text);
    } catch (DecodeException | ClassCastException e) {
      reply(new JsonObject().putNull("action").put("success", false).put("comment", "No action received"));
      return;
    }
    String action = request.getValue("action") instanceof String value ? value : "";
    switch (action) {
      case "create" -> topicReply(request, () -> board.create(request.getString("topic_name")));
      case "subscribe", "suscribe" -> topicReply(request, () -> join(request.getString("topic_name")));
      case "unsubscribe" -> topicReply(request, () -> leave(request.getString("topic_name")));
      case "message" -> publish(request);
      case "ack", "ping" -> reply(success(request));
      case "disconnect" -> {
        reply(success(request));
        socket.close((short) 1000);
      }
      default -> reply(failure(request, "invalid_request", "Unknown Action"));
    }
  }

  private void join(String topic) {
    board.subscribe(topic, context, socket);
    joined.add(topic);
  }

  private void leave(String topic) {
    board.unsubscribe(topic, context, socket);
    joined.remove(topic);
  }

  private void topicReply(JsonObject request, Runnable change) {
    String topic = request.getValue("topic_name") instanceof String value ? value : null;
    if (topic == null) {
      reply(failure(request, "invalid_request", "topic_name is required"));
      return;
    }
    change.run();
    reply(success(request).put("result", "ok").put("topic_name", topic));
  }

  private void publish(JsonObject request) {
    String topic = request.getValue("topic_name") instanceof String value ? value : null;
    long messageId = board.nextMessageId();
    String delivery = new JsonObject()
      .put("action", "message")
      .put("topic_name", topic)
      .put("content", request.getValue("content"))
      .put("from", name)
      .put("message_id", messageId)
      .put("sent_at", Instant.now().toString())
      .encode();
    if (topic == null || !board.broadcast(topic, delivery)) {
      reply(failure(request, "not_found", "Topic not found"));
      return;
    }
    reply(success(request).put("result", "ok").put("message_id", messageId));
  }

  private void reply(JsonObject reply) {
    socket.writeTextMessage(reply.encode());
  }

  private static JsonObject success(JsonObject request) {
    return echoId(request, new JsonObject().put("action", request.getValue("action")).put("success", true));
  }

  private static JsonObject failure(JsonObject request, String code, String comment) {
    return echoId(request, new JsonObject().put("action", request.getValue("action")).put("success", false)
      .put("result", "error").put("code", code).put("comment", comment));
  }

  private static JsonObject echoId(JsonObject request, JsonObject reply) {
    if (request.containsKey("id")) {
      reply.put("id", request.getValue("id"));
    }
    return reply;
  }
}
