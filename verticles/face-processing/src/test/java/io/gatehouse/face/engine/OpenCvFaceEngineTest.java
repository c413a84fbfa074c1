package io.gatehouse.face.engine;

import io.gatehouse.contract.face.FrameAnalysis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The default engine on frames built from real photographs ({@link FaceFixtures} says how). */
class OpenCvFaceEngineTest {

  private static OpenCvFaceEngine engine;
  private static FaceFixtures subject;
  private static FaceFixtures other;

  @BeforeAll
  static void load() {
    engine = new OpenCvFaceEngine(EngineOptions.defaults());
    subject = FaceFixtures.faceApiSample(3, 0);
    other = FaceFixtures.sina();
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  @DisplayName("one face is found where it was placed, with a usable quality")
  void findsThePlacedFace() {
    FrameAnalysis centred = engine.analyze(subject.frame(170, 0, 0, false), false).analysis();
    FrameAnalysis moved = engine.analyze(subject.frame(170, 60, 0, false), false).analysis();

    assertThat(centred.faces()).isEqualTo(1);
    assertThat(centred.faceCenterX()).isBetween(0.4, 0.6);
    assertThat(centred.faceWidth()).isBetween(0.15, 0.4);
    assertThat(centred.quality()).isGreaterThan(0.4);
    assertThat(moved.faceCenterX() - centred.faceCenterX()).isBetween(0.05, 0.15);
  }

  @Test
  @DisplayName("a cat photo has no face, a group photo several")
  void countsFaces() {
    byte[] cat = FaceFixtures.classpathBytes("/org/openimaj/image/data/cat.jpg");
    byte[] group = FaceFixtures.fileBytes(TestImages.faceApiDemo().resolve("sample3.jpg"));

    assertThat(engine.analyze(cat, true).analysis().faces()).isZero();
    assertThat(engine.analyze(cat, true).template()).isNull();
    assertThat(engine.analyze(group, false).analysis().faces()).isGreaterThan(1);
  }

  @Test
  @DisplayName("painted-over eyes score well below open ones for the same person")
  void closedEyesScoreLower() {
    double open = engine.analyze(subject.frame(170, 0, 0, false), false).eyeOpenness();
    double closed = engine.analyze(subject.frame(170, 0, 0, true), false).eyeOpenness();

    assertThat(closed).isLessThan(open * 0.55);
  }

  /**
   * Real heads turned towards the image's left: {@code sample4.jpg}'s woman looking down to the left (the clearest
   * turn in the photos) and {@code sample3.jpg}'s woman on the right; their mirror images are the same heads turned
   * to the right. eKYC's {@code turn_left}/{@code turn_right} need |yaw| of at least {@code ekyc.turnYaw} (0.25).
   */
  @Test
  @DisplayName("a head turned towards the image's left has a negative yaw beyond 0.25, its mirror image the opposite")
  void turnedHeadsHaveSignedYaw() {
    for (FaceFixtures turnedLeft : List.of(FaceFixtures.faceApiSample(4, 0), FaceFixtures.faceApiSample(3, 2))) {
      FaceFixtures turnedRight = turnedLeft.mirrored();
      for (int[] framing : new int[][] {{170, 0, 0}, {150, 60, 20}, {200, -40, -10}}) {
        FrameAnalysis left = engine.analyze(turnedLeft.frame(framing[0], framing[1], framing[2], false), false).analysis();
        FrameAnalysis right = engine.analyze(turnedRight.frame(framing[0], framing[1], framing[2], false), false)
          .analysis();

        assertThat(left.faces()).isEqualTo(1);
        assertThat(right.faces()).isEqualTo(1);
        assertThat(left.yaw()).as("turned left, framing %s", Arrays.toString(framing)).isLessThanOrEqualTo(-0.3);
        assertThat(right.yaw()).as("turned right, framing %s", Arrays.toString(framing)).isGreaterThanOrEqualTo(0.3);
      }
    }
  }

  @Test
  @DisplayName("faces looking at the camera have a yaw well inside the eKYC turn threshold, mirrored or not")
  void frontalFacesHaveSmallYaw() {
    for (FaceFixtures frontal : List.of(subject, FaceFixtures.faceApiSample(5, 0), FaceFixtures.faceApiSample(6, 13))) {
      for (FaceFixtures shown : List.of(frontal, frontal.mirrored())) {
        FrameAnalysis analysis = engine.analyze(shown.frame(170, 0, 0, false), false).analysis();

        assertThat(analysis.faces()).isEqualTo(1);
        assertThat(Math.abs(analysis.yaw())).isLessThan(0.2);
      }
    }
  }

  @Test
  @DisplayName("templates of one person are nearer to each other than to another person's")
  void templatesSeparatePeople() {
    FaceTemplate a1 = engine.analyze(subject.frame(170, 0, 0, false), true).template();
    FaceTemplate a2 = engine.analyze(subject.frame(185, -40, 10, false), true).template();
    FaceTemplate b = engine.analyze(other.frame(170, 0, 0, false), true).template();

    assertThat(engine.distance(a1, a1)).isZero();
    assertThat(engine.distance(a1, a2)).isLessThan(80);
    assertThat(engine.distance(a1, b)).isGreaterThan(80);
    assertThat(FaceTemplate.fromBytes(a1.toBytes())).isEqualTo(a1);
  }

  @Test
  @DisplayName("garbage, a PNG bomb and base64 text are invalid frames, and the engine keeps working")
  void garbageIsInvalid() {
    byte[] random = new byte[20_000];
    new Random(1).nextBytes(random);
    byte[] fakeJpeg = random.clone();
    fakeJpeg[0] = (byte) 0xff;
    fakeJpeg[1] = (byte) 0xd8;
    fakeJpeg[2] = (byte) 0xff;

    assertThatThrownBy(() -> engine.analyze(random, false)).isInstanceOf(InvalidFrameException.class);
    assertThatThrownBy(() -> engine.analyze(fakeJpeg, false)).isInstanceOf(InvalidFrameException.class);
    assertThatThrownBy(() -> engine.analyze(ImageGuardTest.pngHeader(60_000, 60_000), false))
      .isInstanceOf(InvalidFrameException.class);
    assertThatThrownBy(() -> engine.analyze(Base64.getEncoder().encode(random), false))
      .isInstanceOf(InvalidFrameException.class);
    assertThat(engine.analyze(subject.frame(170, 0, 0, false), false).analysis().faces()).isEqualTo(1);
  }
}
