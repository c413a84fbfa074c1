package io.gatehouse.stomp;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.stomp.Frame;
import io.vertx.ext.stomp.StompServerOptions;
import io.vertx.ext.stomp.impl.FrameParser;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class FrameGuardTest {

  @Test
  @DisplayName("vertx-stomp 5.0.7's FrameParser buffers a header line that never ends without any complaint")
  void libraryParserDoesNotBoundAnEndlessLine() {
    AtomicReference<String> error = new AtomicReference<>();
    List<Frame> frames = new ArrayList<>();
    FrameParser parser = new FrameParser(new StompServerOptions().setMaxHeaderLength(1024))
      .handler(frames::add).errorHandler(e -> error.set(e.getMessage()));
    parser.handle(Buffer.buffer("CONNECT\nx-huge:"));
    Buffer chunk = Buffer.buffer("a".repeat(64 * 1024));
    for (int i = 0; i < 32; i++) {
      parser.handle(chunk);
    }
    // 2 MiB held and no error: only a line end would let it check maxHeaderLength; hence FrameGuard
    assertThat(error.get()).isNull();
    assertThat(frames).isEmpty();
  }

  @Test
  @DisplayName("frames within the limits pass, heart-beat newlines between frames included")
  void framesWithinLimitsPass() {
    FrameGuard guard = new FrameGuard(64, 16);
    assertThat(guard.check(Buffer.buffer("\n\nCONNECT\naccept-version:1.2\n\n\0\nSEND\ndestination:/a\n\n0123456789\0"))).isNull();
  }

  @Test
  @DisplayName("a header section over the limit is reported, even split over many chunks")
  void longHeaderIsReported() {
    FrameGuard guard = new FrameGuard(64, 16);
    assertThat(guard.check(Buffer.buffer("CONNECT\nx:"))).isNull();
    String problem = null;
    for (int i = 0; i < 10 && problem == null; i++) {
      problem = guard.check(Buffer.buffer("aaaaaaaaaa"));
    }
    assertThat(problem).contains("Header section larger than 64 bytes");
  }

  @Test
  @DisplayName("a body over the limit is reported; the limit restarts with every frame")
  void longBodyIsReported() {
    FrameGuard guard = new FrameGuard(64, 16);
    assertThat(guard.check(Buffer.buffer("SEND\n\n0123456789abcdef\0SEND\n\n0123456789"))).isNull();
    assertThat(guard.check(Buffer.buffer("abcdefg"))).contains("Body larger than 16 bytes");
  }
}
