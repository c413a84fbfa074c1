package io.gatehouse.contract.routing;

import io.gatehouse.contract.FailureCode;
import io.vertx.core.buffer.Buffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinaryCodecsTest {

  private static final Delivery SAMPLE = new Delivery(7, "news", TopicKind.PUBLIC, 3, "m1", "u1", "Al", 1000L, "hé",
    true, "{\"headers\":{}}");

  private static final String SAMPLE_FIELDS = ""
    + "0000000000000007"       // topicId
    + "00000004" + "6e657773"  // topicName "news"
    + "00"                     // kind PUBLIC
    + "0000000000000003"       // seq
    + "00000002" + "6d31"      // messageId "m1"
    + "00000002" + "7531"      // senderId "u1"
    + "00000002" + "416c"      // senderName "Al"
    + "00000000000003e8"       // sentAt 1000
    + "00000003" + "68c3a9"    // content "hé", UTF-8
    + "01"                     // pending
    + "0000000e" + "7b2268656164657273223a7b7d7d"; // attributes {"headers":{}}

  @Test
  @DisplayName("a delivery is encoded as a version byte then its fields in a fixed order")
  void deliveryGoldenBytes() {
    Buffer wire = RoutingMessages.DELIVERY.encode(SAMPLE);

    assertThat(hex(wire)).isEqualTo("02" + SAMPLE_FIELDS);
  }

  @Test
  @DisplayName("a delivery batch is a count, the deliveries in the delivery encoding, and the more flag")
  void deliveryBatchGoldenBytes() {
    Buffer wire = RoutingMessages.DELIVERY_BATCH.encode(new DeliveryBatch(List.of(SAMPLE, SAMPLE), true));

    assertThat(hex(wire)).isEqualTo("02" + "00000002" + SAMPLE_FIELDS + SAMPLE_FIELDS + "01");
  }

  @Test
  @DisplayName("a publish writes absent strings as length -1")
  void publishGoldenBytes() {
    Buffer wire = RoutingMessages.PUBLISH.encode(Publish.toUser("a", "b", "c", "d"));

    assertThat(hex(wire)).isEqualTo("02" + "0000000161" + "0000000162" + "ffffffff" + "0000000163" + "0000000164"
      + "ffffffff");
  }

  @Test
  @DisplayName("a published reply is its message id then topic, seq and send time")
  void publishedGoldenBytes() {
    Buffer wire = RoutingMessages.PUBLISHED.encode(new Published("m", 1, 2, 3));

    assertThat(hex(wire)).isEqualTo("02" + "000000016d" + "0000000000000001" + "0000000000000002" + "0000000000000003");
  }

  @Test
  @DisplayName("every binary record reads back equal from the middle of a bus frame")
  void roundTripsAtAnOffset() {
    Delivery direct = new Delivery(Long.MAX_VALUE, "@inbox/x", TopicKind.INBOX, 1, "id", "s", null, -5, "", false);
    assertThat(roundTrip(RoutingMessages.DELIVERY, SAMPLE)).isEqualTo(SAMPLE);
    assertThat(roundTrip(RoutingMessages.DELIVERY, direct)).isEqualTo(direct);
    assertThat(roundTrip(RoutingMessages.DELIVERY_BATCH, new DeliveryBatch(List.of(), false)))
      .isEqualTo(new DeliveryBatch(List.of(), false));
    assertThat(roundTrip(RoutingMessages.DELIVERY_BATCH, new DeliveryBatch(List.of(SAMPLE, direct), true)))
      .isEqualTo(new DeliveryBatch(List.of(SAMPLE, direct), true));
    Publish publish = Publish.toTopic("s", "Sam", "room", "x".repeat(70_000) + "😀");
    assertThat(roundTrip(RoutingMessages.PUBLISH, publish)).isEqualTo(publish);
    Publish withAttributes = Publish.toTopic("s", "Sam", "room", "AAE=", "{\"encoding\":\"base64\"}");
    assertThat(roundTrip(RoutingMessages.PUBLISH, withAttributes)).isEqualTo(withAttributes);
    assertThat(roundTrip(RoutingMessages.PUBLISHED, new Published("m", 9, 10, 11))).isEqualTo(new Published("m", 9, 10, 11));
  }

  @Test
  @DisplayName("a frame of another format version is refused rather than misread")
  void refusesUnknownVersion() {
    Buffer wire = RoutingMessages.DELIVERY.encode(SAMPLE);
    wire.setByte(0, (byte) 1);

    assertThatThrownBy(() -> RoutingMessages.DELIVERY.decode(wire)).hasMessageContaining("version 1");
  }

  @Test
  @DisplayName("a publish batch is a count then the publishes in the publish encoding")
  void publishBatchGoldenBytes() {
    Buffer wire = RoutingMessages.PUBLISH_BATCH.encode(new PublishBatch(List.of(Publish.toUser("a", "b", "c", "d"))));

    assertThat(hex(wire)).isEqualTo("02" + "00000001" + "0000000161" + "0000000162" + "ffffffff" + "0000000163"
      + "0000000164" + "ffffffff");
  }

  @Test
  @DisplayName("a batch reply is its outcomes (1 and a published reply, or 0, code and reason), deferred and retry-after")
  void publishedBatchGoldenBytes() {
    PublishedBatch reply = new PublishedBatch(List.of(PublishedBatch.Outcome.committed(new Published("m", 1, 2, 3)),
      new PublishedBatch.Outcome(null, FailureCode.FORBIDDEN, "x")), 5, 150);

    assertThat(hex(RoutingMessages.PUBLISHED_BATCH.encode(reply))).isEqualTo("02" + "00000002"
      + "01" + "000000016d" + "0000000000000001" + "0000000000000002" + "0000000000000003"
      + "00" + "00000193" + "0000000178"
      + "00000005" + "0000000000000096");
    assertThat(roundTrip(RoutingMessages.PUBLISHED_BATCH, reply)).isEqualTo(reply);
    PublishBatch batch = new PublishBatch(List.of(Publish.toTopic("s", "Sam", "room", "one"),
      Publish.toTopic("s", "Sam", "room", "AAE=", "{\"encoding\":\"base64\"}")));
    assertThat(roundTrip(RoutingMessages.PUBLISH_BATCH, batch)).isEqualTo(batch);
  }

  @Test
  @DisplayName("a batch outcome answers as a single publish would: the reply, or the same service failure")
  void outcomesAnswerLikeSinglePublishes() {
    PublishedBatch.Outcome refused = PublishedBatch.Outcome.refused(
      io.gatehouse.contract.ServiceFailure.of(FailureCode.FORBIDDEN, "not_member"));

    assertThat(refused.code()).isEqualTo(FailureCode.FORBIDDEN);
    assertThat(io.gatehouse.contract.ServiceFailure.reasonOf(refused.toFuture().cause())).isEqualTo("not_member");
    assertThat(PublishedBatch.Outcome.committed(new Published("m", 1, 2, 3)).toFuture().result().seq()).isEqualTo(2);
    assertThatThrownBy(() -> new PublishedBatch(List.of(), -1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("locally a record travels as itself, without a copy")
  void localTransformIsIdentity() {
    assertThat(RoutingMessages.DELIVERY.transform(SAMPLE)).isSameAs(SAMPLE);
  }

  private static <T> T roundTrip(io.gatehouse.contract.BinaryRecordCodec<T> codec, T value) {
    Buffer frame = Buffer.buffer().appendString("header");
    codec.encodeToWire(frame, value);
    return codec.decodeFromWire("header".length(), frame);
  }

  private static String hex(Buffer buffer) {
    return HexFormat.of().formatHex(buffer.getBytes());
  }
}
