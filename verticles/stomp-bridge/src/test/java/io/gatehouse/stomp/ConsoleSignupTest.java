package io.gatehouse.stomp;

import io.gatehouse.face.engine.FaceClips;
import io.gatehouse.face.polyglot.EngineTestKit;
import io.gatehouse.gateway.console.ConsoleBrowser;
import io.gatehouse.gateway.console.FakeCameraVideo;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seed 000's flow in the web console, in headless Chromium whose fake camera plays real video frames, each shown for
 * a second, in a loop, analysed by the polyglot engine: one man who blinks and then turns his head towards the
 * image's left and then its right (a verification holds one face; {@link FaceClips}; his turn reaches ~0.25 of yaw, so
 * {@code ekyc.turnYaw} is 0.2 here). The console's STOMP WebSocket goes to the STOMP listener's own port,
 * which admits pages of the gateway's port.
 */
@DisplayName("Sign-up and identity verification in the web console, with the camera")
class ConsoleSignupTest {

  private static final String DEV_OTP = "246813";
  private static SignupFixture fixture;
  private static Path camera;

  @BeforeAll
  static void start() {
    assertThat(ConsoleBrowser.chromiumInstalled()).as("Debian chromium (scripts/test installs it)").isTrue();
    List<byte[]> frames = new ArrayList<>(FaceClips.frames(FaceClips.TURNING_MAN, FaceClips.TURNING_MAN_BLINK[0],
      FaceClips.TURNING_MAN_BLINK[1], 10));
    frames.addAll(FaceClips.frames(FaceClips.TURNING_MAN, 37.5, 2.0, 10));
    camera = FakeCameraVideo.write("ekyc", frames);
    fixture = withKnownPorts();
  }

  /**
   * The STOMP listener admits pages of the gateway's configured port, and the page learns the STOMP port from the
   * config, so both ports are chosen before starting; another process may take one in between, then again.
   */
  private static SignupFixture withKnownPorts() {
    for (int attempt = 1; ; attempt++) {
      try {
        return new SignupFixture(new JsonObject()
          .put("gateway", new JsonObject().put("port", freePort()))
          .put("stomp", new JsonObject().put("webSocketPort", freePort()))
          .put("signup", new JsonObject().put("devFixedOtp", DEV_OTP))
          .put("face", EngineTestKit.faceSection(1))
          .put("ekyc", new JsonObject().put("turnYaw", 0.2)));
      } catch (IllegalStateException e) {
        if (attempt == 3 || !portTaken(e)) {
          throw e;
        }
      }
    }
  }

  private static boolean portTaken(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof BindException || String.valueOf(cause.getMessage()).contains("already in use")) {
        return true;
      }
    }
    return false;
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  @DisplayName("a person signs up with the development OTP shown on the page, then blinks and turns as prompted "
    + "(turns worded for the mirrored preview) until the verifier says COMPLETED and the user is verified")
  void signUpAndVerifyWithTheCamera() {
    String phone = SignupFixture.newPhone();
    ConsoleBrowser.Outcome outcome = ConsoleBrowser.run("signup", new JsonObject()
      .put("url", "http://127.0.0.1:" + fixture.gatehouse.port + "/").put("phone", phone)
      .put("camera", camera.toString()), 240);

    assertThat(outcome.ok()).as(outcome.toString()).isTrue();
    JsonObject report = outcome.report();
    assertThat(report.getString("otp")).isEqualTo(DEV_OTP);
    assertThat(report.getJsonObject("badIdentifier").getString("text")).startsWith("Enter a phone number");
    assertThat(report.getJsonObject("wrongOtp").getString("text"))
      .isEqualTo("That code is not right. Check it and try again.");
    assertThat(report.getString("status")).isEqualTo("COMPLETED");
    assertThat(report.getValue("banner")).as("no error left on the page").isNull();
    JsonArray prompts = report.getJsonArray("prompts");
    assertThat(prompts.stream().map(JsonObject.class::cast).map(p -> p.getString("code")).distinct().toList())
      .containsSubsequence("liveness_check", "turn_left", "turn_right", "END");
    assertThat(prompts.stream().map(JsonObject.class::cast)
      .filter(p -> "turn_left".equals(p.getString("code"))).map(p -> p.getString("text")).findFirst())
      .hasValue("Turn your head to your right (towards the right of the preview).");
    assertThat(fixture.userVerified(phone)).isTrue();
    assertThat(ConsoleBrowser.SCREENSHOTS.resolve("console-ekyc.png")).exists();
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
