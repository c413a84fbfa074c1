package io.gatehouse.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names are refused when they are not well-formed Unicode or hold control characters, and are stored in NFC,
 * on REST (users) and on the action protocol (topics). JSON is written by hand so that lone surrogate escapes
 * and raw bytes reach the server exactly as an attacker would send them.
 */
@DisplayName("input canonicalisation: well-formed UTF-8 and UTF-16, NFC names, no control characters")
class CanonicalInputTest {

  private static final String DECOMPOSED_E = "e\u0301";
  private static final String PRECOMPOSED_E = "\u00e9";
  private static GatewayFixture fixture;

  @BeforeAll
  static void start() {
    fixture = GatewayFixture.start(new JsonObject());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  private static String suffix() {
    return UUID.randomUUID().toString().substring(0, 6);
  }

  /** A register body whose username is spliced in raw (already JSON-escaped as the caller wants it). */
  private static HttpProbe.Reply registerRaw(String rawUsername) {
    String email = "u" + suffix() + "@example.org";
    return fixture.http.post("/register", "{\"username\":\"" + rawUsername + "\",\"password\":\"a long password\","
      + "\"email\":\"" + email + "\"}");
  }

  @Test
  @DisplayName("REST: a lone surrogate escape in a username is 400 invalid_request, not a user named '?'")
  void loneSurrogateUsernameIsRefused() {
    HttpProbe.Reply lone = registerRaw("ghost\\ud800" + suffix());
    assertThat(lone.status()).isEqualTo(400);
    assertThat(lone.json().getString("code")).isEqualTo("invalid_request");
    HttpProbe.Reply lowFirst = registerRaw("ghost\\udc00\\ud800" + suffix());
    assertThat(lowFirst.status()).isEqualTo(400);
    // a proper pair (U+1F600) is fine
    assertThat(registerRaw("smile\\ud83d\\ude00" + suffix()).status()).isEqualTo(201);
  }

  @Test
  @DisplayName("REST: a body that is not valid UTF-8 is 400 invalid_request, not silently repaired")
  void invalidUtf8IsRefused() {
    Buffer body = Buffer.buffer("{\"username\":\"bad").appendBytes(new byte[] {(byte) 0xff, (byte) 0xfe})
      .appendString(suffix() + "\",\"password\":\"a long password\",\"email\":\"x" + suffix() + "@example.org\"}");
    HttpProbe.Reply reply = fixture.http.post("/register", body);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.json().getString("code")).isEqualTo("invalid_request");
  }

  @Test
  @DisplayName("REST: usernames with control characters are refused")
  void controlCharactersAreRefused() {
    assertThat(registerRaw("bell\\u0007" + suffix()).status()).isEqualTo(400);
    assertThat(registerRaw("line\\nbreak" + suffix()).status()).isEqualTo(400);
  }

  @Test
  @DisplayName("REST: a username is stored in NFC, so both spellings of one name are one user")
  void usernamesAreNfc() {
    String tail = suffix();
    HttpProbe.Reply registered = fixture.http.post("/register", new JsonObject().put("username", "caf" + DECOMPOSED_E
      + tail).put("password", "a long password").put("email", "cafe" + tail + "@example.org"));
    assertThat(registered.status()).isEqualTo(201);
    assertThat(registered.json().getString("username")).isEqualTo("caf" + PRECOMPOSED_E + tail);
    assertThat(fixture.http.post("/login", new JsonObject().put("username", "caf" + PRECOMPOSED_E + tail)
      .put("password", "a long password")).status()).isEqualTo(200);
    HttpProbe.Reply again = fixture.http.post("/register", new JsonObject().put("username", "caf" + PRECOMPOSED_E
      + tail).put("password", "a long password").put("email", "other" + tail + "@example.org"));
    assertThat(again.status()).isEqualTo(400);
    assertThat(again.json().getString("code")).isEqualTo("already_exists");
  }

  @Test
  @DisplayName("action protocol: a lone surrogate or a control character in a topic name is invalid_request")
  void topicNamesMustBeWellFormed() {
    ActionClient client = fixture.connect(fixture.user("namer"));
    client.sendText("{\"action\":\"create\",\"topic_name\":\"t\\ud800" + suffix() + "\",\"is_private\":false,"
      + "\"id\":1}");
    JsonObject lone = client.expect(json -> "create".equals(json.getString("action")));
    assertThat(lone.getBoolean("success")).isFalse();
    assertThat(lone.getString("code")).isEqualTo("invalid_request");

    JsonObject control = client.call(new JsonObject().put("action", "create").put("topic_name", "t\u0001" + suffix())
      .put("is_private", false));
    assertThat(control.getBoolean("success")).isFalse();
    assertThat(control.getString("code")).isEqualTo("invalid_request");

    client.sendText("{\"action\":\"message\",\"topic_name\":\"any\",\"content\":\"\\udfff\"}");
    JsonObject content = client.expect(json -> "message".equals(json.getString("action")) && json.containsKey("code"));
    assertThat(content.getString("code")).isEqualTo("invalid_request");
  }

  @Test
  @DisplayName("action protocol: topic names are NFC, so both spellings name one topic")
  void topicNamesAreNfc() {
    String tail = suffix();
    ActionClient creator = fixture.connect(fixture.user("creator"));
    assertThat(creator.call(new JsonObject().put("action", "create").put("topic_name", "caf" + DECOMPOSED_E + tail)
      .put("is_private", false)).getBoolean("success")).isTrue();
    JsonObject duplicate = creator.call(new JsonObject().put("action", "create")
      .put("topic_name", "caf" + PRECOMPOSED_E + tail).put("is_private", false));
    assertThat(duplicate.getString("code")).isEqualTo("already_exists");
    ActionClient reader = fixture.connect(fixture.user("reader"));
    assertThat(reader.call(new JsonObject().put("action", "subscribe").put("topic_name", "caf" + PRECOMPOSED_E + tail))
      .getBoolean("success")).isTrue();
  }
}
