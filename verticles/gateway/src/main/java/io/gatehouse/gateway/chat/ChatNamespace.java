package io.gatehouse.gateway.chat;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.auth.Principal;
import io.gatehouse.contract.auth.VerifyToken;
import io.gatehouse.gateway.DeletedUsers;
import io.gatehouse.gateway.ServiceBus;
import io.gatehouse.gateway.http.BearerAuth;
import io.gatehouse.gateway.socketio.ClientSocket;
import io.gatehouse.gateway.socketio.Namespace;
import io.gatehouse.gateway.socketio.NamespaceSocket;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;

/**
 * Seed 003's {@code /chat} namespace. A socket is admitted with a user JWT from the CONNECT {@code auth}
 * payload ({@code {"token":...}}) or the handshake's {@code Authorization: Bearer} header; anything else
 * gets CONNECT_ERROR.
 */
public final class ChatNamespace implements Namespace {

  public static final String NAME = "/chat";

  private final ChatHub hub;

  public ChatNamespace(Vertx vertx, ServiceBus services, ChatOptions options, DeletedUsers deletedUsers) {
    this.hub = new ChatHub(vertx, services, options);
    deletedUsers.watch(hub.users, socket -> socket.client.disconnect());
  }

  @Override
  public Future<NamespaceSocket> connect(ClientSocket client, JsonObject auth) {
    String token = auth.getValue("token") instanceof String given && !given.isBlank() ? given
      : BearerAuth.tokenOf(client.authorization());
    if (token == null) {
      return Future.failedFuture(new ConnectRefused("Unauthorized: token required"));
    }
    return hub.services.<Principal>retrying(Addresses.Auth.VERIFY_TOKEN, new VerifyToken(token))
      .recover(failure -> Future.failedFuture(new ConnectRefused(refusal(failure))))
      .compose(principal -> principal.isUser()
        ? Future.succeededFuture(new ChatSocket(hub, client, principal))
        : Future.failedFuture(new ConnectRefused("Unauthorized: user token required")));
  }

  private static String refusal(Throwable failure) {
    if (ServiceFailure.codeOf(failure) != FailureCode.UNAUTHORIZED) {
      return "Authentication unavailable, try again";
    }
    return "Unauthorized: " + ServiceFailure.reasonOf(failure);
  }
}
