package io.gatehouse.gateway.face;

import java.util.Base64;

/** Turns a frame's {@code image} field (base64, optionally a {@code data:} URL) into bytes, within a limit. */
final class FrameImages {

  /** Why an image field was refused; the text is what the client sees. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message, null, false, false);
    }
  }

  private FrameImages() {
  }

  static byte[] decode(String image, int maxBase64Chars, int maxBytes) throws Refused {
    if (image == null || image.isBlank()) {
      throw new Refused("Missing image data");
    }
    int start = 0;
    if (image.startsWith("data:")) {
      int comma = image.indexOf(',');
      if (comma < 0 || !image.substring(0, comma).endsWith(";base64")) {
        throw new Refused("Image must be a base64 data URL");
      }
      start = comma + 1;
    }
    if (image.length() - start > maxBase64Chars + 4) {
      throw new Refused("Frame too large (max " + maxBytes + " bytes)");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(image.substring(start));
    } catch (IllegalArgumentException e) {
      throw new Refused("Invalid base64 image data");
    }
    if (bytes.length == 0) {
      throw new Refused("Missing image data");
    }
    if (bytes.length > maxBytes) {
      throw new Refused("Frame too large (max " + maxBytes + " bytes)");
    }
    return bytes;
  }
}
