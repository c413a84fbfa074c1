package io.gatehouse.gateway.face;

import io.gatehouse.face.engine.FaceClips;
import io.gatehouse.face.engine.FaceFixtures;
import io.gatehouse.face.polyglot.EngineTestKit;
import io.gatehouse.gateway.GatewayFixture;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Liveness with real footage through seed 002's face WebSocket on the polyglot engine ({@link FaceClips} says where
 * the video comes from). A man at a webcam nods and blinks: enrollment completes with liveness verified, and he then
 * authenticates with liveness. Replays built from the same video do not pass: one frame sent again and again, and
 * an open-eye and a closed-eye frame alternated with their mirror images (the eyes really close there, so blinks
 * are seen, but the head only jumps between two mirrored poses, which is no motion).
 */
@DisplayName("liveness on real video through the face WebSocket")
class RealBlinkLivenessTest {

  /** 16.6-18.2 s of the clip at its own 25 frames a second: the head nods up by ~0.28 of pitch; eyes shut at ~17.1 s. */
  private static final double START = 16.6;
  private static final double SECONDS = 1.6;
  private static final double FPS = 25;
  private static final int WINDOW = 30;

  private static GatewayFixture gatehouse;
  private static FaceTenant tenant;
  private static List<byte[]> nodAndBlink;

  @BeforeAll
  static void start() {
    gatehouse = GatewayFixture.start(new JsonObject(), new JsonObject()
      .put("face", EngineTestKit.faceSection(1).put("livenessFrameWindow", WINDOW)));
    tenant = FaceTenant.create(gatehouse, "realblink");
    nodAndBlink = FaceClips.frames(FaceClips.NODDING_MAN, START, SECONDS, FPS);
  }

  @AfterAll
  static void stop() {
    gatehouse.close();
  }

  /** Sends frames until the session ends; every reply, in order, and the close code in {@code close}. */
  private static List<JsonObject> play(JsonObject session, List<byte[]> frames, short[] close) {
    List<JsonObject> replies = new ArrayList<>();
    try (FaceClient client = FaceClient.open(gatehouse, session)) {
      client.expectType("connection_established");
      for (byte[] frame : frames) {
        JsonObject reply = client.frame(frame);
        replies.add(reply);
        // a frame refused on its own (no face, poor quality: 4000) does not end the session
        if (!"frame_processed".equals(reply.getString("type")) && reply.getInteger("code", 0) != 4000) {
          break;
        }
      }
      close[0] = client.awaitClose();
    }
    return replies;
  }

  private static JsonObject lastProgress(List<JsonObject> replies) {
    return replies.stream().filter(r -> "frame_processed".equals(r.getString("type"))).reduce((a, b) -> b)
      .orElseThrow();
  }

  @Test
  @DisplayName("a man who nods and blinks on camera enrolls with liveness verified, then authenticates with liveness; "
    + "a still of him for the first frames and then another man blinking live does not authenticate (4403)")
  void realBlinkAndNodPass() {
    short[] close = new short[1];
    List<JsonObject> enrolled = play(tenant.enrollment("nodder"), nodAndBlink, close);

    JsonObject done = enrolled.get(enrolled.size() - 1);
    assertThat(done.getString("type")).as(enrolled.toString()).isEqualTo("enrollment_complete");
    assertThat(done.getBoolean("liveness_verified")).isTrue();
    assertThat(close[0]).isEqualTo((short) 1000);

    List<JsonObject> authenticated = play(tenant.authentication("nodder", true), nodAndBlink, close);

    assertThat(authenticated.get(authenticated.size() - 1).getMap()).as(authenticated.toString())
      .containsEntry("type", "authentication_complete").containsEntry("authenticated", true)
      .containsEntry("user_id", "nodder");
    assertThat(close[0]).isEqualTo((short) 1000);

    List<byte[]> swap = new ArrayList<>(Collections.nCopies(3, nodAndBlink.get(0)));
    swap.addAll(FaceClips.frames(FaceClips.TALKING_MAN, 6.0, 1.5, 24));
    List<JsonObject> attacked = play(tenant.authentication("nodder", true), swap, close);

    assertThat(attacked.get(attacked.size() - 1).getMap()).as(attacked.toString())
      .containsEntry("type", "authentication_complete").containsEntry("authenticated", false);
    assertThat(attacked.get(attacked.size() - 1).getString("message")).contains("different face");
    assertThat(close[0]).isEqualTo((short) 4403);
  }

  @Test
  @DisplayName("another man's photo for the first frames, then the nodding man live, fails enrollment: a different "
    + "face, closed with 4403")
  void photoThenAnotherLiveFaceFails() throws IOException {
    FaceFixtures photo = FaceFixtures.of(Files.readAllBytes(EngineTestKit.devSet().resolve("img20.jpg")), 0);
    List<byte[]> swap = new ArrayList<>(List.of(photo.frame(170, 0, 0, false), photo.frame(172, 4, 2, false),
      photo.frame(168, -3, 0, false)));
    swap.addAll(nodAndBlink);
    short[] close = new short[1];
    List<JsonObject> replies = play(tenant.enrollment("victim"), swap, close);

    JsonObject last = replies.get(replies.size() - 1);
    assertThat(last.getString("type")).as(replies.toString()).isEqualTo("error");
    assertThat(last.getInteger("code")).isEqualTo(4403);
    assertThat(last.getString("error")).contains("different face");
    assertThat(replies).noneMatch(r -> "enrollment_complete".equals(r.getString("type")));
    assertThat(close[0]).isEqualTo((short) 4403);
  }

  @Test
  @DisplayName("one frame of the same video sent again and again fails liveness: no blink, no motion, closed with 4403")
  void stillFrameFails() {
    short[] close = new short[1];
    List<JsonObject> replies = play(tenant.enrollment("still"), Collections.nCopies(WINDOW + 2, nodAndBlink.get(0)),
      close);

    assertThat(replies.get(replies.size() - 1).getInteger("code")).isEqualTo(4403);
    assertThat(lastProgress(replies).getInteger("blinks_detected")).isZero();
    assertThat(lastProgress(replies).getBoolean("motion_detected")).isFalse();
    assertThat(close[0]).isEqualTo((short) 4403);
  }

  @Test
  @DisplayName("an open-eye and a closed-eye frame alternated with their mirror images fail: blinks, but no motion")
  void mirroredFramesAreNoMotion() {
    byte[] open = nodAndBlink.get(9); // 16.96 s: eyes open, the head as in the next frames
    byte[] shut = nodAndBlink.get(12); // 17.08 s: eyes shut
    List<byte[]> mirrored = FaceClips.mirroredFrames(FaceClips.NODDING_MAN, START, SECONDS, FPS);
    List<byte[]> replay = new ArrayList<>();
    for (int i = 0; replay.size() < WINDOW + 2; i++) {
      replay.add(i % 3 == 2 ? shut : open);
      replay.add(i % 3 == 1 ? mirrored.get(12) : mirrored.get(9));
    }
    short[] close = new short[1];
    List<JsonObject> replies = play(tenant.enrollment("mirror"), replay, close);

    assertThat(replies.get(replies.size() - 1).getInteger("code")).as(replies.toString()).isEqualTo(4403);
    assertThat(lastProgress(replies).getInteger("blinks_detected")).isPositive();
    assertThat(lastProgress(replies).getBoolean("motion_detected")).isFalse();
    assertThat(close[0]).isEqualTo((short) 4403);
  }
}
