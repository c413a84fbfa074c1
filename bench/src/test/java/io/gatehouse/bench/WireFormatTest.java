package io.gatehouse.bench;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class WireFormatTest {

  @Test
  @DisplayName("a delivery is read with its content and message id, whatever the field order")
  void readsDelivery() {
    InboundFrame frame = parse("{\"message_id\":\"m-1\",\"from\":{\"nested\":[1,2]},\"content\":\"c\","
      + "\"action\":\"message\",\"topic_name\":\"t\",\"pending\":true}");

    assertThat(frame.isDelivery()).isTrue();
    assertThat(frame.messageId()).isEqualTo("m-1");
    assertThat(frame.content()).isEqualTo("c");
    assertThat(frame.pending()).isTrue();
  }

  @Test
  @DisplayName("a reply is told from a delivery by its success field, and keeps its echoed id and code")
  void readsReply() {
    InboundFrame frame = parse("{\"action\":\"subscribe\",\"success\":false,\"id\":7,\"code\":\"already_member\"}");

    assertThat(frame.isDelivery()).isFalse();
    assertThat(frame.isReply()).isTrue();
    assertThat(frame.id()).isEqualTo(7);
    assertThat(frame.failureCode()).isEqualTo("already_member");
    assertThat(parse("{\"action\":\"message\",\"success\":true,\"message_id\":12}").messageId()).isEqualTo(12L);
  }

  @Test
  @DisplayName("text that is not a JSON object becomes a failed frame instead of an exception")
  void survivesGarbage() {
    assertThat(parse("not json").failureCode()).isEqualTo(InboundFrame.UNPARSEABLE);
    assertThat(parse("[1,2]").failureCode()).isEqualTo(InboundFrame.UNPARSEABLE);
  }

  @Test
  @DisplayName("probe content carries send time, publisher and slot, padded to the payload size, and ignores other runs")
  void probeContentRoundTrips() {
    ProbeContent content = new ProbeContent("run1", 64);
    ProbeContent.Stamp stamp = new ProbeContent.Stamp(123_456_789L, 7, 3);

    String encoded = content.encode(stamp);

    assertThat(encoded).hasSize(64).startsWith("run1:123456789:7:3:x");
    assertThat(content.decode(encoded)).isEqualTo(stamp);
    assertThat(new ProbeContent("run2", 64).decode(encoded)).isNull();
    assertThat(content.decode("run1:garbage")).isNull();
    assertThat(content.decode("hello")).isNull();
  }

  private static InboundFrame parse(String text) {
    return InboundFrame.parse(text.getBytes(StandardCharsets.UTF_8));
  }
}
