package io.gatehouse.bench.chat;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;

import java.util.ArrayList;
import java.util.List;

/**
 * The 2 x pairs chat members, as chat-load.mjs makes them: on Gatehouse, {@code chatbench-<pid>-<i>} registered
 * through {@code POST /register} (201 with {@code access_token} and {@code user_id}, anything else fails the
 * run); on the peer, which checks no token, {@code user-<i>-<pid>} as both token and id.
 */
final class ChatUsers {

  private ChatUsers() {
  }

  static Future<List<ChatUser>> create(Vertx vertx, ChatOptions options) {
    long pid = ProcessHandle.current().pid();
    if (options.target() == ChatTarget.PEER) {
      List<ChatUser> users = new ArrayList<>(options.sockets());
      for (int i = 0; i < options.sockets(); i++) {
        String name = "user-" + i + "-" + pid;
        users.add(new ChatUser(name, name));
      }
      return Future.succeededFuture(users);
    }
    WebClient client = WebClient.create(vertx, new WebClientOptions()
      .setDefaultHost(options.host())
      .setDefaultPort(options.port())
      .setSsl(options.ssl()), new PoolOptions().setHttp1MaxSize(options.connectBatch()));
    return Batches.run(options.sockets(), options.connectBatch(), i -> register(client, pid, i))
      .andThen(done -> client.close());
  }

  private static Future<ChatUser> register(WebClient client, long pid, int index) {
    String name = "chatbench-" + pid + "-" + index;
    JsonObject body = new JsonObject()
      .put("username", name)
      .put("password", "bench password " + index)
      .put("email", name + "@bench.invalid");
    return client.post("/register").sendJsonObject(body).compose(response -> response.statusCode() == 201
      ? user(response)
      : Future.failedFuture("register failed: " + response.statusCode() + " " + response.bodyAsString()));
  }

  private static Future<ChatUser> user(HttpResponse<Buffer> response) {
    JsonObject body = response.bodyAsJsonObject();
    String token = body == null ? null : body.getString("access_token");
    String id = body == null ? null : body.getString("user_id");
    return token != null && id != null ? Future.succeededFuture(new ChatUser(token, id))
      : Future.failedFuture("register answered 201 without access_token and user_id");
  }
}
