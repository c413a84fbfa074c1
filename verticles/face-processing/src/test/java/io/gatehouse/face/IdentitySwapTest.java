package io.gatehouse.face;

import io.gatehouse.contract.face.FrameOutcome;
import io.gatehouse.contract.face.FrameOutcome.Kind;
import io.gatehouse.face.engine.FaceClips;
import io.gatehouse.face.engine.FaceFixtures;
import io.gatehouse.face.polyglot.EngineTestKit;
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
 * One person's photo for a session's first frames (its samples), another person's live face after them: the
 * liveness frames must show the person of the samples ({@link IdentityGuard}). Photos from the development set
 * ({@code img20.jpg}, a man the clips do not show) and real video ({@link FaceClips}). That a genuine session
 * still passes is shown end to end by the gateway's {@code RealBlinkLivenessTest}.
 */
@DisplayName("a session whose face changes after its samples is refused")
class IdentitySwapTest {

  private static final int WINDOW = 30;

  private static BusSessions sessions;
  private static List<byte[]> nodAndBlink;
  private static List<byte[]> victimPhoto;

  @BeforeAll
  static void deploy() throws IOException {
    sessions = new BusSessions("faceswap", EngineTestKit.faceSection(1).put("livenessFrameWindow", WINDOW));
    nodAndBlink = FaceClips.frames(FaceClips.NODDING_MAN, 16.6, 1.6, 25);
    FaceFixtures photo = FaceFixtures.of(Files.readAllBytes(EngineTestKit.devSet().resolve("img20.jpg")), 0);
    victimPhoto = List.of(photo.frame(170, 0, 0, false), photo.frame(172, 4, 2, false), photo.frame(168, -3, 0, false));
  }

  @AfterAll
  static void close() {
    sessions.close();
  }

  private static List<byte[]> concat(List<byte[]> first, List<byte[]> then) {
    List<byte[]> frames = new ArrayList<>(first);
    frames.addAll(then);
    return frames;
  }

  private static void assertIdentityChanged(List<FrameOutcome> outcomes) {
    FrameOutcome last = outcomes.get(outcomes.size() - 1);
    assertThat(last.kind()).as(outcomes.toString()).isEqualTo(Kind.LIVENESS_FAILED);
    assertThat(last.reason()).isEqualTo("identity_changed");
    assertThat(last.message()).contains("different face");
    assertThat(outcomes).noneMatch(o -> o.kind() == Kind.ENROLLED || o.kind() == Kind.AUTHENTICATED);
  }

  @Test
  @DisplayName("enrollment: a photo of one man for the samples, then another man who nods and blinks live, is "
    + "refused as identity_changed")
  void photoThenLiveFaceEnrollmentRefused() {
    List<FrameOutcome> outcomes = sessions.play(sessions.openEnrollment("victim", 3), concat(victimPhoto, nodAndBlink));

    assertIdentityChanged(outcomes);
  }

  @Test
  @DisplayName("authentication: a still of the nodding man for the samples, then another man blinking live (the "
    + "talking-face clip), is refused as identity_changed before any matching")
  void stillThenOtherLiveFaceAuthenticationRefused() {
    List<byte[]> attack = concat(Collections.nCopies(3, nodAndBlink.get(0)),
      FaceClips.frames(FaceClips.TALKING_MAN, 6.0, 1.5, 24));

    assertIdentityChanged(sessions.play(sessions.openAuthentication("nodder", 3), attack));
  }
}
