package io.gatehouse.stomp;

import io.gatehouse.contract.Addresses;
import io.gatehouse.contract.Codecs;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.face.AnalyzeFrame;
import io.gatehouse.contract.face.FrameAnalysis;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;

/**
 * TEST ONLY stand-in for the face engine on {@code gatehouse.face.analyze}, until face-processing is merged:
 * really decodes the image (ImageIO, on a worker), then reads the scene from the colour of its centre pixel
 * instead of detecting a face. Undecodable images fail BAD_REQUEST {@code invalid_frame}, as the engine does.
 */
final class FakeFaceEngine extends VerticleBase {

  /** The scenes a test can draw, and their colours. */
  enum Scene {
    NO_FACE(0x000000), EYES_CLOSED(0xff0000), EYES_OPEN(0x00ff00), TURNED_LEFT(0x0000ff), TURNED_RIGHT(0xffff00),
    TWO_FACES(0xffffff);

    final int rgb;

    Scene(int rgb) {
      this.rgb = rgb;
    }

    /** A 64x64 PNG of this scene, base64 as a browser would send it. */
    String frame() {
      BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
      for (int x = 0; x < 64; x++) {
        for (int y = 0; y < 64; y++) {
          image.setRGB(x, y, rgb);
        }
      }
      try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
        ImageIO.write(image, "png", out);
        return Base64.getEncoder().encodeToString(out.toByteArray());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public Future<?> start() {
    Codecs.register(vertx);
    return vertx.eventBus().<AnalyzeFrame>consumer(Addresses.Face.ANALYZE_FRAME, message -> vertx
        .executeBlocking(() -> analyse(message.body().image()), false)
        .onSuccess(message::reply)
        .onFailure(failure -> message.reply(ServiceFailure.of(FailureCode.BAD_REQUEST, "invalid_frame"))))
      .completion();
  }

  private static FrameAnalysis analyse(byte[] bytes) throws IOException {
    BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
    if (image == null) {
      throw new IOException("not an image");
    }
    int rgb = image.getRGB(image.getWidth() / 2, image.getHeight() / 2) & 0xffffff;
    for (Scene scene : Scene.values()) {
      if (scene.rgb == rgb) {
        return switch (scene) {
          case NO_FACE -> FrameAnalysis.noSingleFace(0);
          case TWO_FACES -> FrameAnalysis.noSingleFace(2);
          case EYES_CLOSED -> new FrameAnalysis(1, false, 0.5, 0.5, 0.4, 0, 0.9);
          case EYES_OPEN -> new FrameAnalysis(1, true, 0.5, 0.5, 0.4, 0, 0.9);
          case TURNED_LEFT -> new FrameAnalysis(1, true, 0.4, 0.5, 0.4, -0.5, 0.9);
          case TURNED_RIGHT -> new FrameAnalysis(1, true, 0.6, 0.5, 0.4, 0.5, 0.9);
        };
      }
    }
    return FrameAnalysis.noSingleFace(0);
  }
}
