package io.gatehouse.stomp;

import io.vertx.core.buffer.Buffer;

/**
 * Bounds what vertx-stomp's FrameParser would otherwise buffer without limit: its command and header lines
 * are split by a RecordParser with no maximum, so a line that never ends grows forever. The guard follows
 * frame boundaries byte by byte (command+headers until an empty line, then the body until NUL) and reports
 * the first frame whose header section exceeds {@code maxHeaderBytes} or whose body exceeds
 * {@code maxBodyBytes}. Connection-confined, not thread-safe.
 */
final class FrameGuard {

  private enum Section { BETWEEN, HEADERS, BODY }

  private final int maxHeaderBytes;
  private final int maxBodyBytes;
  private Section section = Section.BETWEEN;
  private int headerBytes;
  private int bodyBytes;
  private int lineBytes;

  FrameGuard(int maxHeaderBytes, int maxBodyBytes) {
    this.maxHeaderBytes = maxHeaderBytes;
    this.maxBodyBytes = maxBodyBytes;
  }

  /** Null when {@code chunk} keeps every frame within bounds, else why not. */
  String check(Buffer chunk) {
    for (int i = 0, n = chunk.length(); i < n; i++) {
      byte b = chunk.getByte(i);
      switch (section) {
        case BETWEEN -> {
          if (b != '\n' && b != '\r' && b != 0) {
            section = Section.HEADERS;
            headerBytes = 1;
            lineBytes = 1;
          }
        }
        case HEADERS -> {
          if (++headerBytes > maxHeaderBytes) {
            return "Header section larger than " + maxHeaderBytes + " bytes";
          }
          if (b == '\n') {
            if (lineBytes == 0) {
              section = Section.BODY;
              bodyBytes = 0;
            }
            lineBytes = 0;
          } else if (b != '\r') {
            lineBytes++;
          }
        }
        case BODY -> {
          if (b == 0) {
            section = Section.BETWEEN;
          } else if (++bodyBytes > maxBodyBytes) {
            return "Body larger than " + maxBodyBytes + " bytes";
          }
        }
        default -> throw new IllegalStateException();
      }
    }
    return null;
  }
}
