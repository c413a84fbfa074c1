package io.gatehouse.contract.routing;

import java.util.Arrays;

/** What a topic is for; the code is stable (stored in the log's database and sent on the wire). */
public enum TopicKind {
  /** Anyone may subscribe. */
  PUBLIC(0),
  /** Visible to members only; members join by invitation. */
  PRIVATE(1),
  /** One per user, holding the direct messages sent to that user; its only member is its owner. */
  INBOX(2),
  /** A two-member private chat. */
  CHAT(3);

  private final int code;

  TopicKind(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public static TopicKind fromCode(int code) {
    return Arrays.stream(values()).filter(kind -> kind.code == code).findFirst()
      .orElseThrow(() -> new IllegalArgumentException("unknown topic kind " + code));
  }
}
