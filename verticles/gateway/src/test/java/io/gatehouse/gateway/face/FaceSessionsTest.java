package io.gatehouse.gateway.face;

import io.gatehouse.face.engine.FaceFixtures;
import io.gatehouse.gateway.GatewayFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 002 end to end: REST sessions, the face WebSocket, the real face-processing verticle on OpenCV and
 * PostgreSQL. The enrolled person is the leftmost woman of face-api's {@code sample3.jpg}; strangers are the
 * woman next to her and the man of OpenIMAJ's {@code sinaface.jpg} ({@link FaceFixtures} documents how frames
 * are made).
 */
class FaceSessionsTest {

  static final int LIVENESS_WINDOW = 8;

  private static GatewayFixture gatehouse;
  private static FaceTenant tenant;
  private static FaceFixtures person;
  private static FaceFixtures stranger;
  private static FaceFixtures glasses;
  private static JsonObject enrollmentSession;
  private static List<JsonObject> enrollmentReplies;
  private static short enrollmentClose;

  @BeforeAll
  static void enrollOnePerson() {
    gatehouse = GatewayFixture.start(new JsonObject(), new JsonObject().put("face", new JsonObject()
      .put("livenessFrameWindow", LIVENESS_WINDOW).put("maxFramesPerSession", 12)));
    tenant = FaceTenant.create(gatehouse, "acme");
    person = FaceFixtures.faceApiSample(3, 0);
    stranger = FaceFixtures.faceApiSample(3, 1);
    glasses = FaceFixtures.sina();
    enrollmentSession = tenant.enrollment("alice");
    enrollmentReplies = new ArrayList<>();
    try (FaceClient client = FaceClient.open(gatehouse, enrollmentSession)) {
      enrollmentReplies.add(client.expectType("connection_established"));
      for (byte[] frame : person.livelySequence()) {
        JsonObject reply = client.frame(frame);
        enrollmentReplies.add(reply);
        if ("enrollment_complete".equals(reply.getString("type"))) {
          break;
        }
      }
      enrollmentClose = client.awaitClose();
    }
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  /** Plays frames until the session finishes; returns the last reply and the close code. */
  static JsonObject play(JsonObject session, List<byte[]> frames, short[] closeCode) {
    return FaceClient.play(gatehouse, session, frames, closeCode);
  }

  static List<byte[]> authenticationTake(FaceFixtures who) {
    return List.of(who.frame(175, 10, 0, false), who.frame(175, -35, 5, false), who.frame(175, -35, 5, true),
      who.frame(175, -10, 0, false), who.frame(165, 25, -5, false), who.frame(170, 0, 0, false));
  }

  @Test
  @DisplayName("enrollment reports progress per frame and completes after enough good frames, a blink and a motion")
  void enrollmentCompletes() {
    JsonObject established = enrollmentReplies.get(0);
    JsonObject firstFrame = enrollmentReplies.get(1);
    JsonObject done = enrollmentReplies.get(enrollmentReplies.size() - 1);

    assertThat(established.getMap()).containsEntry("session_type", "enrollment").containsEntry("status", "active")
      .containsEntry("session_token", enrollmentSession.getString("session_token"));
    assertThat(firstFrame.getMap()).containsEntry("type", "frame_processed").containsEntry("success", true)
      .containsEntry("frames_processed", 1).containsEntry("target_samples", 3).containsEntry("face_detected", true)
      .containsEntry("liveness_verified", false).containsKeys("liveness_score", "quality_score", "message",
        "blinks_detected", "motion_detected");
    assertThat(done.getMap()).containsEntry("type", "enrollment_complete").containsEntry("success", true)
      .containsEntry("enrollment_id", enrollmentSession.getString("enrollment_id"))
      .containsEntry("liveness_verified", true);
    assertThat(done.getInteger("frames_processed")).isGreaterThanOrEqualTo(3);
    assertThat(done.getJsonObject("encrypted_data").getString("encryption_method")).isEqualTo("AES-256-CBC");
    assertThat(enrollmentClose).isEqualTo((short) 1000);
    JsonObject beforeDone = enrollmentReplies.get(enrollmentReplies.size() - 2);
    assertThat(beforeDone.getInteger("blinks_detected") + (beforeDone.getBoolean("motion_detected") ? 1 : 0))
      .as("liveness was still incomplete one frame earlier").isLessThan(2);
  }

  @Test
  @DisplayName("seed 002's own Node.js and Python snippets decrypt the enrollment result with the secret key")
  void seedSnippetsDecryptEnrollment() {
    String payload = enrollmentReplies.get(enrollmentReplies.size() - 1).getJsonObject("encrypted_data")
      .getString("encrypted_payload");

    for (JsonObject decrypted : List.of(SeedDecryption.withNode(payload, tenant.keys().secretKey()),
      SeedDecryption.withPython(payload, tenant.keys().secretKey()))) {
      assertThat(decrypted.getMap()).containsEntry("id", enrollmentSession.getString("enrollment_id"))
        .containsEntry("session_type", "enrollment")
        .containsEntry("session_token", enrollmentSession.getString("session_token"))
        .containsKey("timestamp").doesNotContainKey("confidence");
    }
  }

  @Test
  @DisplayName("the enrolled person authenticates 1:1 with a confidence the seed's Python snippet can read back")
  void enrolledPersonAuthenticates() {
    JsonObject session = tenant.authentication("alice");
    short[] close = new short[1];
    JsonObject done = play(session, authenticationTake(person), close);

    assertThat(done.getMap()).containsEntry("type", "authentication_complete").containsEntry("success", true)
      .containsEntry("authenticated", true).containsEntry("user_id", "alice");
    assertThat(done.getDouble("confidence")).isBetween(0.5, 1.0);
    assertThat(close[0]).isEqualTo((short) 1000);
    JsonObject decrypted = SeedDecryption.withPython(done.getJsonObject("encrypted_data").getString("encrypted_payload"),
      tenant.keys().secretKey());
    assertThat(decrypted.getMap()).containsEntry("id", "alice").containsEntry("session_type", "authentication")
      .containsEntry("session_token", session.getString("session_token"));
    assertThat(decrypted.getDouble("confidence")).isEqualTo(done.getDouble("confidence"));
  }

  @Test
  @DisplayName("without a user_id the tenant's enrollments are searched and the person is identified")
  void identificationFindsThePerson() {
    JsonObject session = tenant.authentication(null);
    short[] close = new short[1];
    JsonObject done = play(session, authenticationTake(person), close);

    assertThat(session.getString("session_type")).isEqualTo("authentication");
    assertThat(done.getMap()).containsEntry("authenticated", true).containsEntry("user_id", "alice");
    assertThat(close[0]).isEqualTo((short) 1000);
  }

  @Test
  @DisplayName("a different person is refused with authenticated:false and close 4403")
  void strangerIsRefused() {
    short[] close = new short[1];
    JsonObject done = play(tenant.authentication("alice"), authenticationTake(stranger), close);

    assertThat(done.getMap()).containsEntry("type", "authentication_complete").containsEntry("authenticated", false)
      .containsEntry("success", false).doesNotContainKey("encrypted_data");
    assertThat(close[0]).isEqualTo((short) 4403);
  }

  @Test
  @DisplayName("with liveness not required, a different person is still refused on the face match alone")
  void strangerRefusedWithoutLiveness() {
    short[] close = new short[1];
    JsonObject done = play(tenant.authentication("alice", false), authenticationTake(glasses), close);

    assertThat(done.getMap()).containsEntry("authenticated", false).containsEntry("frames_processed", 3);
    assertThat(close[0]).isEqualTo((short) 4403);
  }

  @Test
  @DisplayName("a static photo of the enrolled person, repeated, fails liveness: no blink, no motion")
  void staticPhotoFailsLiveness() {
    byte[] photo = person.frame(175, 0, 0, false);
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < LIVENESS_WINDOW + 2; i++) {
      frames.add(photo);
    }
    short[] close = new short[1];
    JsonObject done = play(tenant.authentication("alice"), frames, close);

    assertThat(done.getMap()).containsEntry("authenticated", false).containsEntry("liveness_verified", false)
      .containsEntry("frames_processed", LIVENESS_WINDOW);
    assertThat(close[0]).isEqualTo((short) 4403);
  }

  @Test
  @DisplayName("enrollment without a blink fails liveness with an error and close 4403")
  void enrollmentWithoutBlinkFails() {
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < LIVENESS_WINDOW + 2; i++) {
      frames.add(person.frame(170, (i % 3) * 30, 0, false));
    }
    short[] close = new short[1];
    JsonObject done = play(tenant.enrollment("bob"), frames, close);

    assertThat(done.getMap()).containsEntry("type", "error").containsEntry("code", 4403);
    assertThat(close[0]).isEqualTo((short) 4403);
  }

  @Test
  @DisplayName("another tenant cannot authenticate against this tenant's enrollment, 1:1 or 1:N")
  void otherTenantCannotMatch() {
    FaceTenant other = FaceTenant.create(gatehouse, "globex");
    short[] close = new short[1];

    assertThat(play(other.authentication("alice"), authenticationTake(person), close).getBoolean("authenticated"))
      .isFalse();
    assertThat(close[0]).isEqualTo((short) 4403);
    assertThat(play(other.authentication(null), authenticationTake(person), close).getBoolean("authenticated"))
      .isFalse();
    assertThat(close[0]).isEqualTo((short) 4403);
  }
}
