package io.gatehouse.gateway.chat;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.auth.FindUser;
import io.gatehouse.contract.gateway.MembershipChange;
import io.gatehouse.contract.gateway.MessageSeen;
import io.gatehouse.contract.routing.Ack;
import io.gatehouse.contract.routing.ChatRef;
import io.gatehouse.contract.routing.LocateMessage;
import io.gatehouse.contract.routing.MessagePosition;
import io.gatehouse.contract.routing.OpenChat;
import io.gatehouse.contract.routing.Publish;
import io.gatehouse.contract.routing.Published;
import io.gatehouse.gateway.socketio.NamespaceSocket.Acknowledgement;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The client events of {@code /chat} (PROTOCOLS §2). The acting user is always the socket's authenticated
 * one. A refused event answers its ack with {@code {error, message}}, or emits {@code chat_error} when the
 * client asked for no ack; an unknown event is answered the same way and changes nothing.
 */
final class ChatActions {

  private static final Logger LOG = LoggerFactory.getLogger(ChatActions.class);

  private ChatActions() {
  }

  static void handle(ChatSocket socket, String event, Object argument, Acknowledgement ack) {
    Future<JsonObject> result;
    try {
      result = switch (event) {
        case "start_private_chat" -> startChat(socket, ChatRequests.startChat(argument));
        case "send_message" -> send(socket, ChatRequests.sendMessage(argument, socket.hub.options.maxTypeChars()));
        case "receive_message" -> markSeen(socket, ChatRequests.messageId(argument));
        default -> Future.succeededFuture(ChatEvents.error(event, "unknown_event", "Unknown event"));
      };
    } catch (ChatRequests.Invalid invalid) {
      result = Future.succeededFuture(ChatEvents.error(event, "invalid_request", invalid.getMessage()));
    }
    result.recover(failure -> Future.succeededFuture(refusal(socket, event, failure)))
      .onSuccess(answer -> answer(socket, ack, answer));
  }

  /** Finds or creates the chat, joins this socket's room, and tells every socket of both users. */
  private static Future<JsonObject> startChat(ChatSocket socket, ChatRequests.StartChat request) {
    String userId = socket.userId();
    return socket.hub.services.retrying(Addresses.Auth.FIND_USER, FindUser.byId(request.peerId()))
      .compose(peer -> socket.hub.services.<ChatRef>request(Addresses.Routing.OPEN_CHAT, new OpenChat(userId,
        request.peerId())))
      .compose(chat -> {
        return socket.follow(List.of(chat.topicId()), Map.of()).map(v -> {
          // on every start_private_chat, not only the first: the client may have lost track of the room
          socket.client.emit(ChatEvents.ROOM_CREATED, ChatEvents.roomCreated(chat.chatId()));
          for (String member : new String[] {userId, request.peerId()}) {
            socket.hub.publish(Addresses.Sessions.user(member), new MembershipChange(member, chat.topic(), true));
          }
          return ChatEvents.roomCreated(chat.chatId());
        });
      });
  }

  /** Appends to the chat's log; the ack carries the message id once it is committed. */
  private static Future<JsonObject> send(ChatSocket socket, ChatRequests.SendMessage request) {
    String content = new ChatContent(request.type(), request.content()).encode();
    String topicName = ChatRef.topicName(request.chatId());
    // one chat's messages leave one at a time, so they are committed in the order the client sent them
    return socket.publishLanes.submit(topicName, () -> socket.hub.services.<Published>nearest(Addresses.Routing.PUBLISH,
        Publish.toTopic(socket.userId(), socket.principal.name(), topicName, content)))
      .map(published -> new JsonObject().put("message_id", published.messageId()).put("chat_id", request.chatId()));
  }

  /**
   * Marks a message seen: the user's cursor in its chat moves up to it; every socket of both members (the
   * reader and the sender, on any gateway) hears message_received.
   */
  private static Future<JsonObject> markSeen(ChatSocket socket, String messageId) {
    MessagePosition known = socket.positionOf(messageId);
    Future<MessagePosition> position = known != null ? Future.succeededFuture(known)
      : socket.hub.services.retrying(Addresses.Routing.LOCATE, new LocateMessage(socket.userId(), messageId));
    return position
      .compose(found -> socket.hub.services.retrying(Addresses.Pending.ACK, new Ack(socket.userId(), found.topicId(),
        found.seq())).map(found))
      .map(found -> {
        for (String member : new LinkedHashSet<>(List.of(socket.userId(), found.senderId()))) {
          socket.hub.publish(Addresses.Sessions.seen(member), new MessageSeen(member, messageId));
        }
        return ChatEvents.received(messageId);
      });
  }

  /** A binary attachment, which /chat does not take: refused like any other event. */
  static void refuseBinary(ChatSocket socket, String event, Acknowledgement ack) {
    answer(socket, ack, ChatEvents.error(event, "binary_not_supported", "Binary attachments are not supported"));
  }

  private static void answer(ChatSocket socket, Acknowledgement ack, JsonObject answer) {
    if (ack != null) {
      ack.reply(answer);
    } else if (answer.containsKey("error")) {
      socket.client.emit(ChatEvents.CHAT_ERROR, answer);
    }
  }

  private static JsonObject refusal(ChatSocket socket, String event, Throwable failure) {
    FailureCode code = ServiceFailure.codeOf(failure);
    return switch (code) {
      case NOT_FOUND -> ChatEvents.error(event, "not_found", "No such chat, user or message");
      case FORBIDDEN -> ChatEvents.error(event, "forbidden", "Not a member of this chat");
      case BAD_REQUEST -> ChatEvents.error(event, "invalid_request", "Invalid request: " + ServiceFailure.reasonOf(failure));
      case RATE_LIMITED -> ChatEvents.error(event, "rate_limited", "Too many requests");
      case UNAVAILABLE -> ChatEvents.error(event, "unavailable", "Service unavailable, try again");
      default -> {
        String correlationId = UUID.randomUUID().toString();
        LOG.error("[{}] {} on socket {} failed", correlationId, event, socket.client.id(), failure);
        yield ChatEvents.error(event, "internal", "Internal error").put("correlation_id", correlationId);
      }
    };
  }
}
