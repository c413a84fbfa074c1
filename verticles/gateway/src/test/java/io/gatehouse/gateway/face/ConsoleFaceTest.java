package io.gatehouse.gateway.face;

import io.gatehouse.face.engine.FaceFixtures;
import io.gatehouse.gateway.GatewayFixture;
import io.gatehouse.gateway.console.ConsoleBrowser;
import io.gatehouse.gateway.console.FakeCameraVideo;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Face enrollment then authentication in the web console, in headless Chromium whose fake camera plays real
 * face frames of one person who moves and blinks ({@link FaceFixtures#livelySequence()}).
 */
@DisplayName("Face enrollment and authentication in the web console, with the camera")
class ConsoleFaceTest {

  private static GatewayFixture gateway;
  private static Path camera;

  @BeforeAll
  static void start() {
    assertThat(ConsoleBrowser.chromiumInstalled()).as("Debian chromium (scripts/test installs it)").isTrue();
    camera = FakeCameraVideo.write("face", FaceFixtures.faceApiSample(3, 0).livelySequence());
    gateway = GatewayFixture.start(new JsonObject());
  }

  @AfterAll
  static void stop() {
    gateway.close();
  }

  @Test
  @DisplayName("an API client enrolls a user from the camera, then authenticates them; both results are decrypted "
    + "in the page with the client's secret; a wrong key reads as a sentence")
  void enrollThenAuthenticate() {
    FaceTenant tenant = FaceTenant.create(gateway, "console");
    String userId = "console-user-1";
    ConsoleBrowser.Outcome outcome = ConsoleBrowser.run("face", new JsonObject()
      .put("url", "http://127.0.0.1:" + gateway.port + "/").put("apiKey", tenant.keys().apiKey())
      .put("secretKey", tenant.keys().secretKey()).put("userId", userId).put("camera", camera.toString()), 240);

    assertThat(outcome.ok()).as(outcome.toString()).isTrue();
    JsonObject report = outcome.report();
    assertThat(report.getJsonObject("badKey").getString("code")).isIn("client_not_found", "invalid_client",
      "unauthorized");
    JsonObject enrolled = report.getJsonObject("enrolled");
    assertThat(enrolled.getString("type")).isEqualTo("enrollment_complete");
    assertThat(enrolled.getJsonObject("decrypted").getString("session_type")).isEqualTo("enrollment");
    JsonObject authenticated = report.getJsonObject("authenticated");
    assertThat(authenticated.getString("type")).isEqualTo("authentication_complete");
    assertThat(authenticated.getBoolean("authenticated")).isTrue();
    assertThat(authenticated.getString("user_id")).isEqualTo(userId);
    assertThat(authenticated.getJsonObject("decrypted").getString("session_type")).isEqualTo("authentication");
    assertThat(report.getJsonArray("progress").stream().map(String::valueOf))
      .anyMatch(line -> line.contains("face seen") && line.contains("head movement seen"));
    assertThat(enrolled.getBoolean("liveness_verified")).isTrue();
    assertThat(authenticated.getBoolean("liveness_verified")).isTrue();
    assertThat(ConsoleBrowser.SCREENSHOTS.resolve("console-face.png")).exists();
  }
}
