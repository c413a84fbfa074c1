package io.gatehouse.routing;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.routing.Publish;
import io.gatehouse.contract.routing.TopicKind;
import io.gatehouse.contract.routing.TopicRef;
import io.vertx.sqlclient.Tuple;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class AppendBatchTest {

  private static final String SENDER = UUID.randomUUID().toString();
  private static final String RECIPIENT = UUID.randomUUID().toString();
  private static final TopicRef RED = new TopicRef(20, "red", TopicKind.PUBLIC);
  private static final TopicRef BLUE = new TopicRef(10, "blue", TopicKind.PRIVATE);
  private static final TopicRef INBOX = new TopicRef(30, "@inbox/" + RECIPIENT, TopicKind.INBOX);

  private static Append toTopic(String topic) {
    return Append.of(Publish.toTopic(SENDER, "Sam", topic, "hi"), 100, 1_000);
  }

  @Test
  @DisplayName("accepted entries are numbered per topic in arrival order after the reserved range")
  void numbersFollowArrivalOrderPerTopic() {
    AppendBatch batch = new AppendBatch(List.of(toTopic("red"), toTopic("blue"), toTopic("red"),
      Append.of(Publish.toUser(SENDER, "Sam", RECIPIENT, "dm"), 100, 1_000)));
    batch.resolved(0, RED, true);
    batch.resolved(1, BLUE, true);
    batch.resolved(2, RED, true);
    batch.resolved(3, INBOX, false);
    batch.refuseUnresolved();

    Tuple reservation = batch.reserveParams();
    assertThat(reservation.getArrayOfLongs(0)).containsExactly(10L, 20L, 30L);
    assertThat(reservation.getArrayOfLongs(1)).containsExactly(1L, 2L, 1L);

    batch.reserved(Map.of(10L, 7L, 20L, 42L, 30L, 1L));
    assertThat(List.of(batch.published(0).seq(), batch.published(1).seq(), batch.published(2).seq(),
      batch.published(3).seq())).containsExactly(41L, 7L, 42L, 1L);
    assertThat(batch.delivery(3).kind()).isEqualTo(TopicKind.INBOX);
    assertThat(batch.insertParams().getArrayOfLongs(1)).containsExactly(41L, 7L, 42L, 1L);
  }

  @Test
  @DisplayName("topics are resolved and locked in name order, whatever the arrival order; "
    + "rows map back to their entries")
  void resolutionRunsInNameOrder() {
    AppendBatch batch = new AppendBatch(List.of(toTopic("red"), toTopic("blue"), toTopic("red"), toTopic("amber")));

    Tuple params = batch.resolveParams();
    assertThat(params.getArrayOfStrings(0)).containsExactly("amber", "blue", "red", "red");
    assertThat(IntStream.rangeClosed(1, 4).map(batch::entryAt).toArray()).containsExactly(3, 1, 0, 2);
  }

  @Test
  @DisplayName("non-members are refused per entry: not_member where the topic is public, not_found elsewhere")
  void refusalsArePerEntry() {
    AppendBatch batch = new AppendBatch(List.of(toTopic("red"), toTopic("blue"), toTopic("gone"), toTopic("red")));
    batch.resolved(0, RED, false);
    batch.resolved(1, BLUE, false);
    batch.resolved(3, RED, true);
    batch.refuseUnresolved();

    assertThat(ServiceFailure.codeOf(batch.refusal(0))).isEqualTo(FailureCode.FORBIDDEN);
    assertThat(ServiceFailure.reasonOf(batch.refusal(0))).isEqualTo("not_member");
    assertThat(ServiceFailure.reasonOf(batch.refusal(1))).isEqualTo("not_found");
    assertThat(ServiceFailure.reasonOf(batch.refusal(2))).isEqualTo("not_found");
    assertThat(batch.refusal(3)).isNull();
    assertThat(batch.reserveParams().getArrayOfLongs(1)).containsExactly(1L);
  }

  @Test
  @DisplayName("a batch in which every entry is refused reserves nothing")
  void allRefusedReservesNothing() {
    AppendBatch batch = new AppendBatch(List.of(toTopic("gone")));
    batch.refuseUnresolved();

    assertThat(batch.anyAccepted()).isFalse();
  }

  @Test
  @DisplayName("the recipients whose inboxes must exist are listed once each, sorted")
  void recipientsAreDistinctAndSorted() {
    String other = UUID.randomUUID().toString();
    AppendBatch batch = new AppendBatch(List.of(
      Append.of(Publish.toUser(SENDER, "Sam", RECIPIENT, "a"), 100, 1),
      Append.of(Publish.toUser(SENDER, "Sam", other, "b"), 100, 1),
      Append.of(Publish.toUser(SENDER, "Sam", RECIPIENT, "c"), 100, 1),
      toTopic("red")));

    assertThat(batch.recipients()).isSorted().containsExactlyInAnyOrder(UUID.fromString(RECIPIENT),
      UUID.fromString(other));
  }

  @Test
  @DisplayName("a publish needs exactly one target, user ids that are UUIDs and content within the limit")
  void publishChecks() {
    assertThat(reasonOf(new Publish(SENDER, "S", "t", RECIPIENT, "x"))).isEqualTo("invalid_request");
    assertThat(reasonOf(new Publish(SENDER, "S", null, null, "x"))).isEqualTo("invalid_request");
    assertThat(reasonOf(new Publish("bob", "S", "t", null, "x"))).isEqualTo("invalid_request");
    assertThat(reasonOf(new Publish(SENDER, "S", null, "bob", "x"))).isEqualTo("invalid_request");
    assertThat(reasonOf(new Publish(SENDER, "S", "t", null, "x".repeat(101)))).isEqualTo("invalid_request");
    assertThat(reasonOf(new Publish(SENDER, "S", "t", null, null))).isEqualTo("invalid_request");
    Append ok = Append.of(new Publish(SENDER, null, "t", null, "x".repeat(100)), 100, 5);
    assertThat(ok.targetName()).isEqualTo("t");
    assertThat(ok.messageId().version()).isEqualTo(7);
    List<String> ids = IntStream.range(0, 1000)
      .mapToObj(i -> Append.of(new Publish(SENDER, null, "t", null, "x"), 100, 5).messageId().toString()).toList();
    assertThat(ids).as("ids from one node are unique and in creation order").doesNotHaveDuplicates().isSorted();
  }

  private static String reasonOf(Publish publish) {
    return ServiceFailure.reasonOf(catchThrowable(() -> Append.of(publish, 100, 1)));
  }
}
