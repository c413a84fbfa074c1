package io.gatehouse.face.engine;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageGuardTest {

  private final ImageGuard guard = new ImageGuard(1024 * 1024, 4096L * 4096L);

  /** A PNG signature and IHDR chunk declaring {@code width × height}, and nothing else. */
  static byte[] pngHeader(int width, int height) {
    return ByteBuffer.allocate(33).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a})
      .putInt(13).put(new byte[] {'I', 'H', 'D', 'R'}).putInt(width).putInt(height)
      .put(new byte[] {8, 2, 0, 0, 0}).putInt(0).array();
  }

  @Test
  @DisplayName("a real JPEG photo passes")
  void realJpegPasses() {
    assertThatCode(() -> guard.check(FaceFixtures.classpathBytes("/org/openimaj/image/data/sinaface.jpg")))
      .doesNotThrowAnyException();
  }

  @Test
  @DisplayName("random bytes, empty frames and text are not images")
  void garbageRefused() {
    byte[] random = new byte[5000];
    new Random(7).nextBytes(random);
    assertThatThrownBy(() -> guard.check(random)).isInstanceOf(InvalidFrameException.class);
    assertThatThrownBy(() -> guard.check(new byte[0])).isInstanceOf(InvalidFrameException.class);
    assertThatThrownBy(() -> guard.check("hello, not an image".getBytes())).isInstanceOf(InvalidFrameException.class);
  }

  @Test
  @DisplayName("a small PNG that declares 50000×50000 pixels is refused before decoding")
  void pngBombRefused() {
    assertThatThrownBy(() -> guard.check(pngHeader(50_000, 50_000)))
      .isInstanceOf(InvalidFrameException.class).hasMessageContaining("pixels");
  }

  @Test
  @DisplayName("a frame over the byte limit is refused")
  void oversizedRefused() {
    byte[] big = new byte[1024 * 1024 + 1];
    big[0] = (byte) 0xff;
    big[1] = (byte) 0xd8;
    big[2] = (byte) 0xff;
    assertThatThrownBy(() -> guard.check(big)).hasMessageContaining("larger than");
  }

  @Test
  @DisplayName("a JPEG header without a frame segment is refused")
  void truncatedJpegRefused() {
    assertThatThrownBy(() -> guard.check(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0, 16, 0, 0}))
      .isInstanceOf(InvalidFrameException.class);
  }
}
