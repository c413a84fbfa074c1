package io.gatehouse.routing;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.Published;
import io.gatehouse.contract.routing.TopicKind;
import io.gatehouse.contract.routing.TopicRef;
import io.vertx.sqlclient.Tuple;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * One group-committed batch of appends as it goes through its transaction: which topic each entry
 * resolved to, which entries were refused, and the sequence numbers the accepted ones got. Entries keep
 * their arrival order, so within a topic sequence numbers follow it.
 */
final class AppendBatch {

  private final List<Append> entries;
  private final TopicRef[] targets;
  private final RuntimeException[] refusals;
  private final long[] seqs;
  private final int[] lockOrder;

  AppendBatch(List<Append> entries) {
    this.entries = List.copyOf(entries);
    this.targets = new TopicRef[entries.size()];
    this.refusals = new RuntimeException[entries.size()];
    this.seqs = new long[entries.size()];
    // Stable: entries for one topic stay in arrival order.
    this.lockOrder = IntStream.range(0, entries.size()).boxed()
      .sorted(Comparator.comparing(i -> this.entries.get(i).targetName())).mapToInt(Integer::intValue).toArray();
  }

  int size() {
    return entries.size();
  }

  /** Recipients of direct messages, sorted, each once: their inboxes must exist before resolution. */
  List<UUID> recipients() {
    return entries.stream().filter(Append::direct).map(Append::recipientId).distinct().sorted().toList();
  }

  /**
   * Parameters of the resolution query: target names and senders in lock order, that is sorted by topic
   * name. Every batch locks its topics in that one order, so concurrent batches (other instances, other
   * nodes) never deadlock.
   */
  Tuple resolveParams() {
    return Tuple.tuple()
      .addArrayOfString(IntStream.of(lockOrder).mapToObj(i -> entries.get(i).targetName()).toArray(String[]::new))
      .addArrayOfUUID(IntStream.of(lockOrder).mapToObj(i -> entries.get(i).senderId()).toArray(UUID[]::new));
  }

  /** The entry at 1-based position {@code ordinal} of {@link #resolveParams()}. */
  int entryAt(int ordinal) {
    return lockOrder[ordinal - 1];
  }

  /**
   * Records what entry {@code index} resolved to. A direct message needs no membership; otherwise the
   * sender must be a member, and a topic that is not public is invisible to non-members.
   */
  void resolved(int index, TopicRef topic, boolean senderIsMember) {
    if (entries.get(index).direct() || senderIsMember) {
      targets[index] = topic;
    } else if (topic.kind() == TopicKind.PUBLIC) {
      refusals[index] = ServiceFailure.of(FailureCode.FORBIDDEN, MembershipRules.NOT_MEMBER);
    } else {
      refusals[index] = ServiceFailure.of(FailureCode.NOT_FOUND, MembershipRules.NOT_FOUND);
    }
  }

  /** Refuses every entry whose topic the resolution did not find. */
  void refuseUnresolved() {
    IntStream.range(0, size()).filter(i -> targets[i] == null && refusals[i] == null)
      .forEach(i -> refusals[i] = ServiceFailure.of(FailureCode.NOT_FOUND, MembershipRules.NOT_FOUND));
  }

  boolean anyAccepted() {
    return IntStream.range(0, size()).anyMatch(this::accepted);
  }

  /** Parameters of the reservation: each target topic once, ascending, with its number of accepted entries. */
  Tuple reserveParams() {
    Map<Long, Long> counts = new TreeMap<>();
    IntStream.range(0, size()).filter(this::accepted).forEach(i -> counts.merge(targets[i].topicId(), 1L, Long::sum));
    return Tuple.tuple().addArrayOfLong(counts.keySet().toArray(Long[]::new))
      .addArrayOfLong(counts.values().toArray(Long[]::new));
  }

  /**
   * Numbers the accepted entries of each topic, given the topic's {@code last_seq} after reservation for
   * every topic in this batch.
   */
  void reserved(Map<Long, Long> lastSeqs) {
    Map<Long, Long> nextSeqs = new HashMap<>();
    IntStream.range(0, size()).filter(this::accepted).forEach(i -> nextSeqs.merge(targets[i].topicId(), 1L, Long::sum));
    nextSeqs.replaceAll((topicId, count) -> lastSeqs.get(topicId) - count + 1);
    for (int i = 0; i < size(); i++) {
      if (accepted(i)) {
        long topicId = targets[i].topicId();
        seqs[i] = nextSeqs.get(topicId);
        nextSeqs.put(topicId, seqs[i] + 1);
      }
    }
  }

  /** Parameters of the one multi-row insert of the accepted entries. */
  Tuple insertParams() {
    int[] accepted = IntStream.range(0, size()).filter(this::accepted).toArray();
    return Tuple.tuple()
      .addArrayOfLong(IntStream.of(accepted).mapToObj(i -> targets[i].topicId()).toArray(Long[]::new))
      .addArrayOfLong(IntStream.of(accepted).mapToObj(i -> seqs[i]).toArray(Long[]::new))
      .addArrayOfUUID(IntStream.of(accepted).mapToObj(i -> entries.get(i).messageId()).toArray(UUID[]::new))
      .addArrayOfUUID(IntStream.of(accepted).mapToObj(i -> entries.get(i).senderId()).toArray(UUID[]::new))
      .addArrayOfString(IntStream.of(accepted).mapToObj(i -> entries.get(i).senderName()).toArray(String[]::new))
      .addArrayOfString(IntStream.of(accepted).mapToObj(i -> entries.get(i).content()).toArray(String[]::new))
      .addArrayOfOffsetDateTime(IntStream.of(accepted).mapToObj(i -> timestamp(entries.get(i).sentAt()))
        .toArray(OffsetDateTime[]::new))
      .addArrayOfString(IntStream.of(accepted).mapToObj(i -> entries.get(i).attributes()).toArray(String[]::new));
  }

  /** Why entry {@code index} was refused, or null when it was appended. */
  RuntimeException refusal(int index) {
    return refusals[index];
  }

  Published published(int index) {
    Append entry = entries.get(index);
    return new Published(entry.messageId().toString(), targets[index].topicId(), seqs[index], entry.sentAt());
  }

  Delivery delivery(int index) {
    Append entry = entries.get(index);
    TopicRef topic = targets[index];
    return new Delivery(topic.topicId(), topic.name(), topic.kind(), seqs[index], entry.messageId().toString(),
      entry.senderId().toString(), entry.senderName(), entry.sentAt(), entry.content(), false, entry.attributes());
  }

  private boolean accepted(int index) {
    return targets[index] != null;
  }

  private static OffsetDateTime timestamp(long epochMillis) {
    return OffsetDateTime.ofInstant(Instant.ofEpochMilli(epochMillis), ZoneOffset.UTC);
  }
}
