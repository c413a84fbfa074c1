package io.gatehouse.stomp;

import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The STOMP frame parser")
class StompFrameParserTest {

  private final List<StompFrame> frames = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();
  private final StompFrameParser parser = new StompFrameParser(256, 4, 64, frames::add, errors::add);

  @Test
  @DisplayName("reads frames delivered one byte at a time, with CRLF line ends and heart-beats between them")
  void framesSplitAnywhere() {
    byte[] bytes = "\n\r\nCONNECT\r\naccept-version:1.2\r\n\r\n\0\nSEND\ndestination:/topic/a\n\nhello\0"
      .getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      parser.handle(Buffer.buffer(new byte[] {b}));
    }
    assertThat(errors).isEmpty();
    assertThat(frames).extracting(StompFrame::command).containsExactly("CONNECT", "SEND");
    assertThat(frames.get(0).header("accept-version")).isEqualTo("1.2");
    assertThat(frames.get(1).bodyAsString()).isEqualTo("hello");
  }

  @Test
  @DisplayName("a body with content-length may hold NUL bytes and bytes that are not UTF-8")
  void sizedBodyIsBytes() {
    Buffer body = Buffer.buffer(new byte[] {0, 1, (byte) 0xff, 0, (byte) 0xfe});
    parser.handle(Buffer.buffer("SEND\ndestination:/topic/a\ncontent-length:5\n\n").appendBuffer(body)
      .appendString("\0SEND\ndestination:/topic/a\n\nnext\0"));
    assertThat(errors).isEmpty();
    assertThat(frames).hasSize(2);
    assertThat(frames.get(0).body()).isEqualTo(body);
    assertThat(frames.get(1).bodyAsString()).isEqualTo("next");
  }

  @Test
  @DisplayName("a body longer than its content-length is an error, not truncated")
  void bodyLongerThanContentLength() {
    parser.handle(Buffer.buffer("SEND\ndestination:/topic/a\ncontent-length:3\n\nabcdef\0"));
    assertThat(frames).isEmpty();
    assertThat(errors).containsExactly("Body longer than its content-length");
  }

  @Test
  @DisplayName("a header line that never ends is refused once the header limit is passed")
  void endlessHeaderLine() {
    parser.handle(Buffer.buffer("SEND\nx-huge:"));
    for (int i = 0; i < 8; i++) {
      parser.handle(Buffer.buffer("a".repeat(100)));
    }
    assertThat(errors).containsExactly("Header section larger than 256 bytes");
    assertThat(frames).isEmpty();
  }

  @Test
  @DisplayName("bodies over the limit, too many headers, unknown commands and bad escapes are errors")
  void limitsAndMalformedFrames() {
    assertThat(errorOf("SEND\ndestination:/topic/a\n\n" + "x".repeat(65) + "\0")).startsWith("Body larger than 64");
    assertThat(errorOf("SEND\ncontent-length:65\n\n")).startsWith("Body larger than 64");
    assertThat(errorOf("SEND\na:1\nb:2\nc:3\nd:4\ne:5\n\n\0")).isEqualTo("More than 4 headers");
    assertThat(errorOf("HELLO\n\n\0")).isEqualTo("Unknown command HELLO");
    assertThat(errorOf("SEND\nx:bad\\t\n\n\0")).isEqualTo("Undefined escape sequence in a header");
    assertThat(errorOf("SEND\nno colon\n\n\0")).isEqualTo("Malformed header line");
    assertThat(errorOf("SEND\ncontent-length:x\n\n\0")).isEqualTo("Malformed content-length");
  }

  @Test
  @DisplayName("header values are unescaped (except in CONNECT) and a repeated header keeps its first value")
  void escapesAndRepeats() {
    parser.handle(Buffer.buffer("SEND\nx-a:one\\ctwo\\\\\\n\nx-a:ignored\n\n\0CONNECT\nlogin:a\\cb\n\n\0"));
    assertThat(frames.get(0).header("x-a")).isEqualTo("one:two\\\n");
    assertThat(frames.get(1).header("login")).isEqualTo("a\\cb");
  }

  @Test
  @DisplayName("frames it writes carry content-length and escaped headers, and read back the same")
  void encodeRoundTrip() {
    Buffer body = Buffer.buffer(new byte[] {0, 'a', 0});
    StompFrame frame = new StompFrame("SEND", java.util.Map.of("x-a", "b:c\nd"), body);
    parser.handle(frame.encode());
    assertThat(frames).hasSize(1);
    assertThat(frames.get(0).header("x-a")).isEqualTo("b:c\nd");
    assertThat(frames.get(0).header("content-length")).isEqualTo("3");
    assertThat(frames.get(0).body()).isEqualTo(body);
  }

  private String errorOf(String input) {
    List<String> found = new ArrayList<>();
    new StompFrameParser(256, 4, 64, frame -> { }, found::add).handle(Buffer.buffer(input));
    return found.isEmpty() ? null : found.get(0);
  }
}
