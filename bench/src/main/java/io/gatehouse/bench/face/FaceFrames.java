package io.gatehouse.bench.face;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

/** Camera-like 640×480 JPEG frames (quality 85) made from a portrait photo: scaled to the frame's height, centred. */
final class FaceFrames {

  static final int WIDTH = 640;
  static final int HEIGHT = 480;

  private FaceFrames() {
  }

  /** The photo scaled to fill the frame's height, shifted {@code dx} pixels sideways. */
  static byte[] frame(Path photo, int dx) throws IOException {
    BufferedImage source = ImageIO.read(photo.toFile());
    if (source == null) {
      throw new IOException(photo + " is not an image");
    }
    double scale = HEIGHT / (double) source.getHeight();
    int width = (int) Math.round(source.getWidth() * scale);
    BufferedImage canvas = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas.createGraphics();
    g.setColor(new Color(110, 110, 110));
    g.fillRect(0, 0, WIDTH, HEIGHT);
    g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.drawImage(source, (WIDTH - width) / 2 + dx, 0, width, HEIGHT, null);
    g.dispose();
    return jpeg(canvas);
  }

  private static byte[] jpeg(BufferedImage image) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.85f);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
      writer.setOutput(stream);
      writer.write(null, new IIOImage(image, null, null), param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
