package io.gatehouse.contract.routing;

import io.gatehouse.contract.Codecs;
import io.gatehouse.contract.ContractCodec;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class JsonCodecsTest {

  private static final String USER = "3f1c2b8e-9d4a-4c1e-8b7a-2f6d5e4c3b2a";

  private static final List<Object> SAMPLES = List.of(
    new TopicRef(1, "news", TopicKind.PRIVATE),
    new CreateTopic(USER, "news", true),
    new TopicMembership(USER, "news"),
    new Invite(USER, "news", "other"),
    new UserRef(USER),
    new TopicList(List.of(new TopicRef(1, "a", TopicKind.PUBLIC), new TopicRef(2, "@inbox/x", TopicKind.INBOX))),
    new ReadRange(USER, List.of(new RangeStart(1, 0), new RangeStart(2, 40)), 100),
    new LocateMessage(USER, "m"),
    new MessagePosition(3, 4, USER),
    new AheadQuery(USER, 3),
    new AckedAhead(3, List.of(5L, 7L)),
    new io.gatehouse.contract.gateway.MessageSeen(USER, "m"),
    new CatchUp(USER, List.of(1L, 2L, 5_000_000_000L), 50),
    new Ack(USER, 1, 9),
    new Acked(1, 9),
    new CursorQuery(USER),
    new CursorList(List.of(new RangeStart(1, 9))),
    new OpenChat(USER, "3f1c2b8e-9d4a-4c1e-8b7a-2f6d5e4c3b2b"),
    new ChatRef("7d0c2b8e-9d4a-4c1e-8b7a-2f6d5e4c3b2a", 12, true),
    new ChatList(List.of(new ChatRef("7d0c2b8e-9d4a-4c1e-8b7a-2f6d5e4c3b2a", 12, false))),
    new ChatHistory(USER, "7d0c2b8e-9d4a-4c1e-8b7a-2f6d5e4c3b2a", 20, 41),
    new io.gatehouse.contract.gateway.PollForward("abc.def", true, "42/chat,[\"x\"]"),
    new io.gatehouse.contract.gateway.PollAnswer(200, "text/plain; charset=UTF-8", "ok"));

  @Test
  @DisplayName("every routing record reads back equal from its cluster wire form")
  void everyRecordRoundTrips() {
    Map<Class<?>, ContractCodec<?>> codecs = Codecs.all().stream()
      .collect(Collectors.toMap(ContractCodec::type, Function.identity()));
    assertThat(codecs.keySet()).containsAll(SAMPLES.stream().map(Object::getClass).toList());

    SAMPLES.forEach(sample -> assertThat(roundTrip(codecs.get(sample.getClass()), sample)).isEqualTo(sample));
  }

  @Test
  @DisplayName("registering the codecs twice on one Vert.x is harmless")
  void registrationIsIdempotent() {
    Vertx vertx = Vertx.vertx();
    try {
      Codecs.register(vertx);
      assertThatCode(() -> Codecs.register(vertx)).doesNotThrowAnyException();
    } finally {
      vertx.close();
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> Object roundTrip(ContractCodec<T> codec, Object sample) {
    MessageCodec<T, T> messageCodec = codec.codec();
    Buffer wire = Buffer.buffer();
    messageCodec.encodeToWire(wire, (T) sample);
    return messageCodec.decodeFromWire(0, wire);
  }
}
