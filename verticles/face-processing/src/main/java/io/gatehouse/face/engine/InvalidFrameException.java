package io.gatehouse.face.engine;

/** The bytes of a frame are not an image the engine accepts (format, size, dimensions or content). */
public final class InvalidFrameException extends RuntimeException {

  public InvalidFrameException(String message) {
    super(message, null, false, false);
  }
}
