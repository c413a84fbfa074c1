package io.gatehouse.gateway;

import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-user quotas of topic-routing, seen through the action protocol. */
@DisplayName("per-user quotas: topics owned, memberships, invites per minute, messages per second")
class UserQuotasTest {

  private static GatewayFixture fixture;

  @BeforeAll
  static void start() {
    fixture = GatewayFixture.startWith(new JsonObject().put("routing", new JsonObject()
      .put("maxTopicsPerUser", 3).put("maxMembershipsPerUser", 6).put("invitesPerMinute", 2)
      .put("userMessagesPerSecond", 1)));
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static JsonObject create(ActionClient client, String name, boolean isPrivate) {
    return client.call(new JsonObject().put("action", "create").put("topic_name", name).put("is_private", isPrivate));
  }

  @Test
  @DisplayName("a user who created routing.maxTopicsPerUser topics cannot create another (quota_exceeded)")
  void topicsOwned() {
    ActionClient owner = fixture.connect(fixture.user("owner"));
    for (int i = 0; i < 3; i++) {
      assertThat(create(owner, unique("owned"), false).getBoolean("success")).isTrue();
    }
    JsonObject refused = create(owner, unique("owned"), false);
    assertThat(refused.getBoolean("success")).isFalse();
    assertThat(refused.getString("code")).isEqualTo("quota_exceeded");
    assertThat(refused.getString("comment")).contains("most topics");
    ActionClient other = fixture.connect(fixture.user("other"));
    assertThat(create(other, unique("theirs"), false).getBoolean("success")).isTrue();
  }

  @Test
  @DisplayName("a user who is a member of routing.maxMembershipsPerUser topics cannot join another")
  void memberships() {
    List<String> names = new ArrayList<>();
    for (int creator = 0; creator < 2; creator++) {
      ActionClient client = fixture.connect(fixture.user("creator"));
      for (int i = 0; i < 3; i++) {
        String name = unique("public");
        assertThat(create(client, name, false).getBoolean("success")).isTrue();
        names.add(name);
      }
    }
    ActionClient joiner = fixture.connect(fixture.user("joiner")); // a member of its own inbox already
    for (int i = 0; i < 5; i++) {
      assertThat(joiner.call(new JsonObject().put("action", "subscribe").put("topic_name", names.get(i)))
        .getBoolean("success")).isTrue();
    }
    JsonObject refused = joiner.call(new JsonObject().put("action", "subscribe").put("topic_name", names.get(5)));
    assertThat(refused.getBoolean("success")).isFalse();
    assertThat(refused.getString("code")).isEqualTo("quota_exceeded");
  }

  @Test
  @DisplayName("invites beyond routing.invitesPerMinute are refused (quota_exceeded)")
  void invitesPerMinute() {
    ActionClient host = fixture.connect(fixture.user("host"));
    String topic = unique("private");
    assertThat(create(host, topic, true).getBoolean("success")).isTrue();
    List<JsonObject> replies = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      replies.add(host.call(new JsonObject().put("action", "invite").put("topic_name", topic)
        .put("username", fixture.user("guest").getString("username"))));
    }
    assertThat(replies).extracting(reply -> reply.getBoolean("success")).containsExactly(true, true, false);
    assertThat(replies.get(2).getString("code")).isEqualTo("quota_exceeded");
    assertThat(replies.get(2).getString("comment")).contains("invites");
  }

  @Test
  @DisplayName("messages per second are limited per user across all of the user's connections")
  void messagesAcrossConnections() {
    JsonObject sender = fixture.user("sender");
    List<ActionClient> connections = List.of(fixture.connect(sender), fixture.connect(sender), fixture.connect(sender));
    String topic = unique("chatter");
    assertThat(create(connections.get(0), topic, false).getBoolean("success")).isTrue();
    int accepted = 0;
    int limited = 0;
    for (int round = 0; round < 10; round++) {
      for (ActionClient connection : connections) {
        JsonObject reply = connection.call(new JsonObject().put("action", "message").put("topic_name", topic)
          .put("content", "hello " + round));
        if (Boolean.TRUE.equals(reply.getBoolean("success"))) {
          accepted++;
        } else {
          assertThat(reply.getString("code")).isEqualTo("rate_limited");
          limited++;
        }
      }
    }
    // each connection alone is far below gateway.messagesPerSecond; together they exceed the user's rate
    assertThat(limited).isPositive();
    assertThat(accepted + limited).isEqualTo(30);
    ActionClient bystander = fixture.connect(fixture.user("bystander"));
    String own = unique("own");
    assertThat(create(bystander, own, false).getBoolean("success")).isTrue();
    assertThat(bystander.call(new JsonObject().put("action", "message").put("topic_name", own).put("content", "hi"))
      .getBoolean("success")).isTrue();
  }
}
