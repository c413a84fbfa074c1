package io.gatehouse.gateway.console;

import io.gatehouse.gateway.GatewayFixture;
import io.gatehouse.gateway.HttpProbe;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The console's chat and topic screens in headless Chromium")
class ConsoleMessagingTest {

  private static GatewayFixture gateway;

  @BeforeAll
  static void start() {
    assertThat(ConsoleBrowser.chromiumInstalled()).as("Debian chromium (scripts/test installs it)").isTrue();
    gateway = GatewayFixture.start(new JsonObject());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  @DisplayName("two pages chat over Socket.IO: pick a person, send, receive, read receipts; a fresh page pages "
    + "back through the history")
  void twoPagesChat() {
    JsonObject report = play("chat");
    List<String> conversation = new ArrayList<>(List.of("hello bob", "hi alice"));
    IntStream.rangeClosed(1, 12).forEach(i -> conversation.add("message " + i));
    assertThat(texts(report.getJsonObject("live").getJsonArray("alice"))).containsExactlyElementsOf(conversation);
    assertThat(texts(report.getJsonObject("live").getJsonArray("bob"))).containsExactlyElementsOf(conversation);
    assertThat(report.getJsonObject("live").getJsonArray("bob").stream().map(JsonObject.class::cast)
      .filter(m -> m.getBoolean("mine")).map(m -> m.getString("text")).toList()).containsExactly("hi alice");
    // each side sees the other's read receipt on every message it sent, and none on what it received
    assertThat(readMarks(report.getJsonObject("live").getJsonArray("alice")))
      .containsExactlyElementsOf(conversation.stream().filter(text -> !text.equals("hi alice")).toList());
    assertThat(readMarks(report.getJsonObject("live").getJsonArray("bob"))).containsExactly("hi alice");
    // the first history page holds the newest ten; "Load older messages" brings the rest, then disappears
    assertThat(texts(report.getJsonArray("firstPage"))).containsExactlyElementsOf(conversation.subList(4, 14));
    assertThat(texts(report.getJsonArray("history"))).containsExactlyElementsOf(conversation);
    assertThat(report.getBoolean("olderHidden")).isTrue();
    // bob saw everything on the first page, so nothing comes back unread on the fresh one
    assertThat(report.getInteger("unreadBadges")).isZero();
    assertThat(ConsoleBrowser.SCREENSHOTS.resolve("console-chat.png")).exists();
  }

  @Test
  @DisplayName("/ is the console page, its modules and vendored client libraries are served from the jar, a missing "
    + "file is 404, and without signup.devFixedOtp the page is told no OTP")
  void staticFilesAndConfig() {
    HttpProbe.Reply page = gateway.http.get("/", null);
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.raw().toString()).contains("<title>Gatehouse console</title>");
    assertThat(gateway.http.get("/console/js/main.js", null).status()).isEqualTo(200);
    assertThat(gateway.http.get("/console/vendor/socket.io.esm.min.js", null).raw().toString()).contains("export");
    assertThat(gateway.http.get("/console/vendor/stomp.umd.min.js", null).raw().toString()).contains("StompJs");
    assertThat(gateway.http.get("/console/js/no-such-module.js", null).status()).isEqualTo(404);
    JsonObject config = gateway.http.get("/console/config.json", null).json();
    assertThat(config.getInteger("stompPort")).isEqualTo(8089);
    assertThat(config.containsKey("devOtp")).isFalse();
  }

  /** Plays a scenario with two fresh users, alice and bob, who create their accounts in the console. */
  private static JsonObject play(String scenario) {
    String suffix = UUID.randomUUID().toString().substring(0, 6);
    ConsoleBrowser.Outcome outcome = ConsoleBrowser.run(scenario, new JsonObject()
      .put("url", "http://127.0.0.1:" + gateway.port + "/").put("alice", "alice-" + suffix)
      .put("bob", "bob-" + suffix), 180);
    assertThat(outcome.ok()).as(outcome.toString()).isTrue();
    return outcome.report();
  }

  private static List<String> readMarks(JsonArray messages) {
    return messages.stream().map(JsonObject.class::cast).filter(m -> m.getBoolean("read"))
      .map(m -> m.getString("text")).toList();
  }

  private static List<String> texts(JsonArray messages) {
    return messages.stream().map(JsonObject.class::cast).map(m -> m.getString("text")).toList();
  }

  @Test
  @DisplayName("two pages create, invite, subscribe and message; the page that went offline gets what it missed, "
    + "marked, in order; refusals read as sentences")
  void topicsWithOfflineCatchUp() {
    JsonObject report = play("topics");
    assertThat(report.getJsonArray("bob").stream().map(JsonObject.class::cast)
      .filter(m -> m.getString("topic").startsWith("room-"))
      .map(m -> m.getString("text") + (m.getBoolean("pending") ? " (missed)" : "")).toList())
      .containsExactly("hello bob", "while you were away 1 (missed)", "while you were away 2 (missed)");
    assertThat(report.getJsonArray("alice").stream().map(JsonObject.class::cast).map(m -> m.getString("text")).toList())
      .contains("hello bob", "while you were away 2", "welcome to the square");
    assertThat(report.getJsonObject("errors").getString("taken")).isEqualTo("That name is already taken.");
    assertThat(report.getJsonObject("errors").getString("unknownUser")).isEqualTo("That topic or user does not exist.");
    assertThat(report.getJsonObject("errors").getString("hidden")).isEqualTo("That topic or user does not exist.");
    assertThat(report.getJsonObject("errors").getString("notMember")).startsWith("You are not a member of that topic.");
    assertThat(report.getJsonArray("unlabelled")).as("inputs without a label").isEmpty();
    assertThat(report.getJsonObject("keyboard").getString("focused")).isEqualTo("Topics");
    assertThat(report.getJsonObject("keyboard").getString("current")).isEqualTo("Topics");
    assertThat(ConsoleBrowser.SCREENSHOTS.resolve("console-topics.png")).exists();
  }
}
