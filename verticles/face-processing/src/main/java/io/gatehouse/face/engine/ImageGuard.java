package io.gatehouse.face.engine;

/**
 * Checks an encoded frame before any decoder sees it: JPEG or PNG only, at most {@code maxBytes}, and
 * dimensions read from the header at most {@code maxPixels} — so a small file that declares a huge image
 * (a decompression bomb) is refused without being decoded.
 */
public final class ImageGuard {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};

  private final int maxBytes;
  private final long maxPixels;

  public ImageGuard(int maxBytes, long maxPixels) {
    this.maxBytes = maxBytes;
    this.maxPixels = maxPixels;
  }

  /** Throws {@link InvalidFrameException} naming the problem; returns normally for an acceptable frame. */
  public void check(byte[] image) {
    if (image == null || image.length == 0) {
      throw new InvalidFrameException("empty frame");
    }
    if (image.length > maxBytes) {
      throw new InvalidFrameException("frame larger than " + maxBytes + " bytes");
    }
    long[] size = isPng(image) ? pngSize(image) : isJpeg(image) ? jpegSize(image) : null;
    if (size == null) {
      throw new InvalidFrameException("not a JPEG or PNG image");
    }
    if (size[0] <= 0 || size[1] <= 0) {
      throw new InvalidFrameException("image has no pixels");
    }
    if (size[0] * size[1] > maxPixels) {
      throw new InvalidFrameException("image larger than " + maxPixels + " pixels");
    }
  }

  static boolean isPng(byte[] image) {
    if (image.length < 24) {
      return false;
    }
    for (int i = 0; i < PNG_SIGNATURE.length; i++) {
      if (image[i] != PNG_SIGNATURE[i]) {
        return false;
      }
    }
    return true;
  }

  static boolean isJpeg(byte[] image) {
    return image.length > 4 && (image[0] & 0xff) == 0xff && (image[1] & 0xff) == 0xd8 && (image[2] & 0xff) == 0xff;
  }

  /** Width and height from the IHDR chunk, which must come first. */
  private static long[] pngSize(byte[] image) {
    if (image[12] != 'I' || image[13] != 'H' || image[14] != 'D' || image[15] != 'R') {
      return null;
    }
    return new long[] {u32(image, 16), u32(image, 20)};
  }

  /** Width and height from the first start-of-frame segment. */
  private static long[] jpegSize(byte[] image) {
    int pos = 2;
    while (pos + 4 < image.length) {
      if ((image[pos] & 0xff) != 0xff) {
        return null;
      }
      int marker = image[pos + 1] & 0xff;
      if (marker == 0xff) {
        pos++;
        continue;
      }
      int length = u16(image, pos + 2);
      boolean startOfFrame = marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc;
      if (startOfFrame) {
        return pos + 9 <= image.length ? new long[] {u16(image, pos + 7), u16(image, pos + 5)} : null;
      }
      if (marker == 0xda || length < 2) {
        return null;
      }
      pos += 2 + length;
    }
    return null;
  }

  private static int u16(byte[] b, int at) {
    return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
  }

  private static long u32(byte[] b, int at) {
    return ((long) u16(b, at) << 16) | u16(b, at + 2);
  }
}
