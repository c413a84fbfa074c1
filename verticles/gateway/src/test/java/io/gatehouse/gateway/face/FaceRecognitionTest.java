package io.gatehouse.gateway.face;

import io.gatehouse.face.polyglot.EngineTestKit;
import io.gatehouse.gateway.GatewayFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Recognition across photos, through seed 002's REST and WebSocket API on the polyglot engine (a real face-api
 * worker on the bridge). Two people of the face development set are enrolled, each from one photo
 * ({@code img20.jpg}, {@code img16.jpg}); authentication uses other photos of them ({@code img21.jpg},
 * {@code img17.jpg}). Photos cannot blink, so enrollment here is the in-person kind
 * ({@code face.enrollmentLiveness} off) and authentication does not ask for liveness; the liveness rules have
 * their own tests.
 */
@DisplayName("face recognition through the API on the polyglot engine")
class FaceRecognitionTest {

  private static GatewayFixture gatehouse;
  private static FaceTenant tenant;

  @BeforeAll
  static void enrollTwoPeople() {
    gatehouse = GatewayFixture.start(new JsonObject(), new JsonObject()
      .put("face", EngineTestKit.faceSection(1).put("enrollmentLiveness", false)));
    tenant = FaceTenant.create(gatehouse, "recognition");
    assertThat(enroll("xavier", "img20.jpg").getString("type")).isEqualTo("enrollment_complete");
    assertThat(enroll("yolanda", "img16.jpg").getString("type")).isEqualTo("enrollment_complete");
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  private static byte[] photo(String file) {
    try {
      return Files.readAllBytes(EngineTestKit.devSet().resolve(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonObject enroll(String userId, String file) {
    short[] close = new short[1];
    JsonObject done = FaceClient.play(gatehouse, tenant.enrollment(userId), List.of(photo(file), photo(file),
      photo(file)), close);
    assertThat(close[0]).isEqualTo((short) 1000);
    return done;
  }

  private static JsonObject authenticate(String userId, String file, short[] close) {
    return FaceClient.play(gatehouse, tenant.authentication(userId, false),
      List.of(photo(file), photo(file), photo(file)), close);
  }

  @Test
  @DisplayName("a person enrolled from one photo is authenticated 1:1 with a different photo of them")
  void samePersonOtherPhotoAuthenticates() {
    short[] close = new short[1];
    JsonObject done = authenticate("xavier", "img21.jpg", close);

    assertThat(done.getMap()).containsEntry("type", "authentication_complete").containsEntry("authenticated", true)
      .containsEntry("user_id", "xavier");
    assertThat(done.getDouble("confidence")).isGreaterThan(0.5);
    assertThat(close[0]).isEqualTo((short) 1000);
  }

  @Test
  @DisplayName("another person's photo is refused for the enrolled user with 4403")
  void otherPersonIsRefused() {
    short[] close = new short[1];
    JsonObject done = authenticate("xavier", "img17.jpg", close);

    assertThat(done.getMap()).containsEntry("type", "authentication_complete").containsEntry("authenticated", false);
    assertThat(close[0]).isEqualTo((short) 4403);
  }

  @Test
  @DisplayName("1:N identification names whichever enrolled person a new photo shows")
  void identificationFindsTheRightPerson() {
    short[] close = new short[1];

    assertThat(authenticate(null, "img21.jpg", close).getString("user_id")).isEqualTo("xavier");
    assertThat(authenticate(null, "img17.jpg", close).getString("user_id")).isEqualTo("yolanda");
  }

  @Test
  @DisplayName("1:N identification refuses a person nobody enrolled")
  void strangerIsNotIdentified() {
    short[] close = new short[1];
    JsonObject done = authenticate(null, "img3.jpg", close);

    assertThat(done.getMap()).containsEntry("authenticated", false);
    assertThat(close[0]).isEqualTo((short) 4403);
  }
}
