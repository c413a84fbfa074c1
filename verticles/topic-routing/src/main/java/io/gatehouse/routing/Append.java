package io.gatehouse.routing;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.NoArgGenerator;
import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.routing.Publish;

import java.util.UUID;

/** A checked publish, with the id and send time it will be stored under. */
record Append(UUID messageId, UUID senderId, String senderName, String topicName, UUID recipientId, String content,
              long sentAt, String attributes) {

  /**
   * Message ids are UUIDv7 (RFC 9562): time-ordered, so the log's unique index on them grows at its right
   * edge instead of touching a random page per message, and the generator draws fresh randomness once per
   * millisecond rather than reading the system's random source for every message.
   */
  private static final NoArgGenerator MESSAGE_IDS = Generators.timeBasedEpochGenerator();

  /**
   * Checks a publish: exactly one target, well-formed ids and names, content within {@code maxContentChars},
   * attributes (when present) within the same limit.
   */
  static Append of(Publish publish, int maxContentChars, long now) {
    if ((publish.topicName() == null) == (publish.recipientId() == null)) {
      throw ServiceFailure.of(FailureCode.BAD_REQUEST, Requests.INVALID);
    }
    UUID sender = Requests.userId(publish.senderId());
    String topicName = publish.topicName() == null ? null : Requests.existingTopicName(publish.topicName());
    UUID recipient = publish.recipientId() == null ? null : Requests.userId(publish.recipientId());
    String senderName = publish.senderName() == null ? null
      : Requests.text(publish.senderName(), Requests.MAX_NAME_LENGTH);
    return new Append(MESSAGE_IDS.generate(), sender, senderName, topicName, recipient,
      Requests.text(publish.content(), maxContentChars), now,
      publish.attributes() == null ? null : Requests.text(publish.attributes(), maxContentChars));
  }

  boolean direct() {
    return recipientId != null;
  }

  /** The name of the topic this message goes into: the named one, or the recipient's inbox. */
  String targetName() {
    return direct() ? Requests.inboxName(recipientId) : topicName;
  }
}
