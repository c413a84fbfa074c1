package io.gatehouse.gateway;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("seed 003's /chat namespace driven by the real npm socket.io-client 4.x")
class SocketIoChatTest {

  private static GatewayFixture gateway;
  private static String url;

  @BeforeAll
  static void start() {
    gateway = GatewayFixture.start(new JsonObject());
    url = "http://127.0.0.1:" + gateway.port;
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  private static JsonObject json(Object... pairs) {
    JsonObject json = new JsonObject();
    for (int i = 0; i < pairs.length; i += 2) {
      json.put((String) pairs[i], pairs[i + 1]);
    }
    return json;
  }

  @ParameterizedTest(name = "transports: {0}")
  @ValueSource(strings = {"default", "websocket"})
  @DisplayName("two users start a chat (same chat id the second time), send with ack, receive, and mark seen")
  void chatRoundTrip(String transports) {
    JsonObject alice = gateway.user("alice");
    JsonObject bob = gateway.user("bob");
    JsonArray only = "default".equals(transports) ? null : new JsonArray().add("websocket");
    ChatScenario scenario = new ChatScenario(url)
      .connect("a", alice.getString("access_token"), only)
      .connect("b", bob.getString("access_token"), only)
      .step(json("sleep", 500))
      .step(json("transport", "a", "is", "websocket"))
      .emit("a", "start_private_chat", json("receiver_id", bob.getString("user_id")), null, "chat")
      .expect("a", "private_chat_room_created", json("chat_id", "${chat.chat_id}"))
      .expect("b", "private_chat_room_created", json("chat_id", "${chat.chat_id}"))
      .emit("b", "start_private_chat", json("user2_id", alice.getString("user_id")), json("chat_id", "${chat.chat_id}"), null)
      .emit("a", "send_message", json("chat_id", "${chat.chat_id}", "message", "hello bob"), null, "m1")
      .expect("b", "receive_message", json("message_id", "${m1.message_id}", "chat_id", "${chat.chat_id}",
        "sender_id", alice.getString("user_id"), "content", "hello bob", "type", "text"))
      .expect("a", "receive_message", json("message_id", "${m1.message_id}"))
      .emit("b", "receive_message", json("message_id", "${m1.message_id}"),
        json("message", "Message received successfully", "message_id", "${m1.message_id}"), null)
      .expect("b", "message_received", json("message_id", "${m1.message_id}"))
      // the sender learns that it was read
      .expect("a", "message_received", json("message", "Message received successfully", "message_id", "${m1.message_id}"));

    ChatScenario.Outcome outcome = scenario.play();

    assertThat(outcome.passed()).as(outcome.toString()).isTrue();
  }

  @Test
  @DisplayName("private_chat_room_created comes with every start_private_chat, not only the first")
  void roomCreatedOnEveryStart() {
    JsonObject alice = gateway.user("alice");
    JsonObject bob = gateway.user("bob");
    ChatScenario scenario = new ChatScenario(url)
      .connect("a", alice.getString("access_token"), null)
      .emit("a", "start_private_chat", json("receiver_id", bob.getString("user_id")), null, "chat")
      .expect("a", "private_chat_room_created", json("chat_id", "${chat.chat_id}"))
      .emit("a", "start_private_chat", json("receiver_id", bob.getString("user_id")), json("chat_id", "${chat.chat_id}"), null)
      .expect("a", "private_chat_room_created", json("chat_id", "${chat.chat_id}"))
      .step(json("emit", "a", "event", "start_private_chat", "arg", json("receiver_id", bob.getString("user_id"))))
      .expect("a", "private_chat_room_created", json("chat_id", "${chat.chat_id}"));

    ChatScenario.Outcome outcome = scenario.play();

    assertThat(outcome.passed()).as(outcome.toString()).isTrue();
  }

  @Test
  @DisplayName("a binary attachment is refused with {event, error, message}: in the ack, or as chat_error without one")
  void binaryAttachmentRefused() {
    JsonObject alice = gateway.user("alice");
    JsonObject bob = gateway.user("bob");
    JsonObject refusal = json("event", "send_message", "error", "binary_not_supported",
      "message", "Binary attachments are not supported");
    ChatScenario scenario = new ChatScenario(url)
      .connect("a", alice.getString("access_token"), null)
      .emit("a", "start_private_chat", json("receiver_id", bob.getString("user_id")), null, "chat")
      .step(json("emit", "a", "event", "send_message", "arg", json("chat_id", "${chat.chat_id}"), "binary", "00ff01",
        "ack", true, "match", refusal))
      .step(json("emit", "a", "event", "send_message", "arg", json("chat_id", "${chat.chat_id}"), "binary", "00ff01"))
      .expect("a", "chat_error", refusal)
      .emit("a", "send_message", json("chat_id", "${chat.chat_id}", "message", "still here"), null, "m1");

    ChatScenario.Outcome outcome = scenario.play();

    assertThat(outcome.passed()).as(outcome.toString()).isTrue();
  }

  @Test
  @DisplayName("a member who dropped gets what was sent meanwhile on reconnect, in order, marked pending")
  void reconnectCatchesUpInOrder() {
    JsonObject alice = gateway.user("alice");
    JsonObject bob = gateway.user("bob");
    ChatScenario scenario = new ChatScenario(url)
      .connect("a", alice.getString("access_token"), null)
      .connect("b", bob.getString("access_token"), null)
      .emit("a", "start_private_chat", json("receiver_id", bob.getString("user_id")), null, "chat")
      .emit("a", "send_message", json("chat_id", "${chat.chat_id}", "message", "m0"), null, "m0")
      .expect("b", "receive_message", json("content", "m0"))
      .emit("b", "receive_message", json("message_id", "${m0.message_id}"), null, null)
      .step(json("disconnect", "b"));
    for (int i = 1; i <= 3; i++) {
      scenario.emit("a", "send_message", json("chat_id", "${chat.chat_id}", "content", "m" + i, "type", "note"), null, null);
    }
    scenario.connect("b2", bob.getString("access_token"), null);
    for (int i = 1; i <= 3; i++) {
      scenario.expect("b2", "receive_message", json("content", "m" + i, "type", "note", "pending", true));
    }
    scenario.step(json("none", "b2", "event", "receive_message", "match", json("content", "m0")));

    ChatScenario.Outcome outcome = scenario.play();

    assertThat(outcome.passed()).as(outcome.toString()).isTrue();
  }

  @Test
  @DisplayName("no token or a bad token gets CONNECT_ERROR; the Authorization header is accepted too")
  void connectRefusals() {
    JsonObject alice = gateway.user("alice");
    ChatScenario scenario = new ChatScenario(url)
      .step(json("connect", "none", "refused", true, "match", json("message", "Unauthorized: token required")))
      .step(json("connect", "bad", "token", "not.a.jwt", "refused", true))
      .step(json("connect", "bad2", "token", alice.getString("access_token") + "x", "refused", true,
        "transports", new JsonArray().add("websocket")))
      .step(json("connect", "header", "header", alice.getString("access_token")));

    ChatScenario.Outcome outcome = scenario.play();

    assertThat(outcome.passed()).as(outcome.toString()).isTrue();
  }

  @Test
  @DisplayName("a third user can neither send to nor read a chat; unknown events and bad arguments get errors, not a crash")
  void refusalsKeepTheConnection() {
    JsonObject alice = gateway.user("alice");
    JsonObject bob = gateway.user("bob");
    JsonObject carol = gateway.user("carol");
    ChatScenario scenario = new ChatScenario(url)
      .connect("a", alice.getString("access_token"), null)
      .connect("c", carol.getString("access_token"), null)
      .emit("a", "start_private_chat", json("receiver_id", bob.getString("user_id")), null, "chat")
      .emit("a", "send_message", json("chat_id", "${chat.chat_id}", "message", "secret"), null, "m1")
      .emit("c", "send_message", json("chat_id", "${chat.chat_id}", "message", "let me in"), json("error", "not_found"), null)
      .emit("c", "receive_message", json("message_id", "${m1.message_id}"), json("error", "not_found"), null)
      .emit("c", "fly_to_the_moon", json(), json("error", "unknown_event"), null)
      .step(json("emit", "c", "event", "fly_to_the_moon", "arg", json()))
      .expect("c", "chat_error", json("error", "unknown_event"))
      .emit("c", "send_message", json("chat_id", 42), json("error", "invalid_request"), null)
      .emit("c", "start_private_chat", json("receiver_id", "0b8a6c1e-0000-4000-8000-000000000000"), json("error", "not_found"), null)
      .emit("c", "start_private_chat", json("receiver_id", carol.getString("user_id")), json("error", "invalid_request"), null)
      .step(json("none", "c", "event", "receive_message"))
      .emit("c", "start_private_chat", json("receiver_id", alice.getString("user_id")), null, "own");

    ChatScenario.Outcome outcome = scenario.play();

    assertThat(outcome.passed()).as(outcome.toString()).isTrue();
    String chatId = outcome.lines().stream().filter(line -> line.containsKey("answer")).findFirst()
      .orElseThrow().getJsonObject("answer").getString("chat_id");
    HttpProbe.Reply carolReads = gateway.http.send(HttpMethod.POST, "/users/chat/" + chatId,
      carol.getString("access_token"), new JsonObject().put("fetch_size", 10));
    assertThat(carolReads.status()).isEqualTo(404);
  }

  @Test
  @DisplayName("history over REST: the caller's chat ids, then pages newest first with a paging state; members only")
  void historyOverRest() {
    JsonObject alice = gateway.user("alice");
    JsonObject bob = gateway.user("bob");
    ChatScenario scenario = new ChatScenario(url)
      .connect("a", alice.getString("access_token"), new JsonArray().add("websocket"))
      .emit("a", "start_private_chat", json("receiver_id", bob.getString("user_id")), null, "chat");
    for (int i = 0; i < 3; i++) {
      scenario.emit("a", "send_message", json("chat_id", "${chat.chat_id}", "message", "h" + i), null, null);
    }
    ChatScenario.Outcome outcome = scenario.play();
    assertThat(outcome.passed()).as(outcome.toString()).isTrue();
    String token = bob.getString("access_token");

    HttpProbe.Reply list = gateway.http.get("/users/chat/?user_id=" + bob.getString("user_id"), token);
    assertThat(list.status()).isEqualTo(200);
    assertThat(list.json().getString("status")).isEqualTo("success");
    String chatId = list.json().getJsonArray("chat_ids").getString(0);
    HttpProbe.Reply first = gateway.http.send(HttpMethod.POST, "/users/chat/" + chatId, token, json("fetch_size", 2));
    assertThat(first.status()).as(first.raw().toString()).isEqualTo(200);
    JsonArray newest = first.json().getJsonArray("user_messages");
    assertThat(newest.stream().map(m -> ((JsonObject) m).getString("content"))).containsExactly("h2", "h1");
    assertThat(newest.getJsonObject(0).getString("sender_id")).isEqualTo(alice.getString("user_id"));
    String state = first.json().getString("next_paging_state_id");
    HttpProbe.Reply second = gateway.http.send(HttpMethod.POST, "/users/chat/" + chatId, token,
      json("fetch_size", 2, "paging_state_id", state));
    assertThat(second.json().getJsonArray("user_messages").stream().map(m -> ((JsonObject) m).getString("content")))
      .containsExactly("h0");
    assertThat(second.json().containsKey("next_paging_state_id")).isFalse();

    assertThat(gateway.http.get("/users/chat/?user_id=" + alice.getString("user_id"), token).status()).isEqualTo(403);
    assertThat(gateway.http.get("/users/chat/", null).status()).isEqualTo(401);
    assertThat(gateway.http.send(HttpMethod.POST, "/users/chat/" + chatId, token, json("fetch_size", 0)).status())
      .isEqualTo(400);
    assertThat(gateway.http.send(HttpMethod.POST, "/users/chat/" + chatId, token, json("paging_state_id", "x")).status())
      .isEqualTo(400);
  }
}
