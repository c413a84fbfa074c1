package io.gatehouse.routing;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.routing.TopicKind;
import io.gatehouse.contract.routing.TopicRef;

import java.util.Optional;

/**
 * Turns what a membership statement found into the reply or the refusal. A topic that is not public is
 * invisible to non-members, who get the same NOT_FOUND as for an unknown name.
 */
final class MembershipRules {

  static final String NOT_FOUND = "not_found";
  static final String ALREADY_MEMBER = "already_member";
  static final String NOT_MEMBER = "not_member";
  static final String FORBIDDEN = "forbidden";

  private MembershipRules() {
  }

  /** {@code wasMember} is the subscriber's. Only public topics can be subscribed to. */
  static TopicRef subscribe(Optional<MembershipChange> found) {
    MembershipChange change = visible(found);
    if (!change.changed()) {
      throw ServiceFailure.of(FailureCode.CONFLICT, ALREADY_MEMBER);
    }
    return change.topic();
  }

  /** {@code wasMember} is the leaver's. Nobody leaves their own inbox. */
  static TopicRef unsubscribe(Optional<MembershipChange> found) {
    MembershipChange change = visible(found);
    if (change.topic().kind() == TopicKind.INBOX) {
      throw ServiceFailure.of(FailureCode.FORBIDDEN, FORBIDDEN);
    }
    if (!change.changed()) {
      throw ServiceFailure.of(FailureCode.CONFLICT, NOT_MEMBER);
    }
    return change.topic();
  }

  /** {@code wasMember} is the inviter's. Inboxes and chats have fixed members. */
  static TopicRef invite(Optional<MembershipChange> found) {
    MembershipChange change = visible(found);
    if (!change.wasMember()) {
      throw ServiceFailure.of(FailureCode.FORBIDDEN, FORBIDDEN);
    }
    TopicKind kind = change.topic().kind();
    if (kind != TopicKind.PUBLIC && kind != TopicKind.PRIVATE) {
      throw ServiceFailure.of(FailureCode.FORBIDDEN, FORBIDDEN);
    }
    if (!change.changed()) {
      throw ServiceFailure.of(FailureCode.CONFLICT, ALREADY_MEMBER);
    }
    return change.topic();
  }

  private static MembershipChange visible(Optional<MembershipChange> found) {
    return found
      .filter(change -> change.wasMember() || change.topic().kind() == TopicKind.PUBLIC)
      .orElseThrow(() -> ServiceFailure.of(FailureCode.NOT_FOUND, NOT_FOUND));
  }
}
