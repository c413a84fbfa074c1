package io.gatehouse.routing;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.routing.TopicKind;
import io.gatehouse.contract.routing.TopicRef;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class MembershipRulesTest {

  private static Optional<MembershipChange> found(TopicKind kind, boolean wasMember, boolean changed) {
    return Optional.of(new MembershipChange(new TopicRef(1, "t", kind), wasMember, changed));
  }

  private static void assertRefused(ThrowingCallable rule, FailureCode code, String reason) {
    Throwable failure = catchThrowable(rule);
    assertThat(ServiceFailure.codeOf(failure)).isEqualTo(code);
    assertThat(ServiceFailure.reasonOf(failure)).isEqualTo(reason);
  }

  @Test
  @DisplayName("subscribing: unknown and invisible topics are not found, a second subscription conflicts")
  void subscribeRules() {
    assertRefused(() -> MembershipRules.subscribe(Optional.empty()), FailureCode.NOT_FOUND, "not_found");
    assertRefused(() -> MembershipRules.subscribe(found(TopicKind.PRIVATE, false, false)), FailureCode.NOT_FOUND,
      "not_found");
    assertRefused(() -> MembershipRules.subscribe(found(TopicKind.CHAT, false, false)), FailureCode.NOT_FOUND,
      "not_found");
    assertRefused(() -> MembershipRules.subscribe(found(TopicKind.PUBLIC, true, false)), FailureCode.CONFLICT,
      "already_member");
    assertRefused(() -> MembershipRules.subscribe(found(TopicKind.PRIVATE, true, false)), FailureCode.CONFLICT,
      "already_member");
    assertThat(MembershipRules.subscribe(found(TopicKind.PUBLIC, false, true)).name()).isEqualTo("t");
  }

  @Test
  @DisplayName("unsubscribing: non-members conflict on public topics, see nothing elsewhere; inboxes cannot be left")
  void unsubscribeRules() {
    assertRefused(() -> MembershipRules.unsubscribe(found(TopicKind.PUBLIC, false, false)), FailureCode.CONFLICT,
      "not_member");
    assertRefused(() -> MembershipRules.unsubscribe(found(TopicKind.PRIVATE, false, false)), FailureCode.NOT_FOUND,
      "not_found");
    assertRefused(() -> MembershipRules.unsubscribe(found(TopicKind.INBOX, true, false)), FailureCode.FORBIDDEN,
      "forbidden");
    assertThat(MembershipRules.unsubscribe(found(TopicKind.PRIVATE, true, true)).kind()).isEqualTo(TopicKind.PRIVATE);
  }

  @Test
  @DisplayName("inviting: only members invite, only into public or private topics, and only non-members")
  void inviteRules() {
    assertRefused(() -> MembershipRules.invite(found(TopicKind.PRIVATE, false, false)), FailureCode.NOT_FOUND,
      "not_found");
    assertRefused(() -> MembershipRules.invite(found(TopicKind.PUBLIC, false, false)), FailureCode.FORBIDDEN,
      "forbidden");
    assertRefused(() -> MembershipRules.invite(found(TopicKind.CHAT, true, false)), FailureCode.FORBIDDEN,
      "forbidden");
    assertRefused(() -> MembershipRules.invite(found(TopicKind.PRIVATE, true, false)), FailureCode.CONFLICT,
      "already_member");
    assertThat(MembershipRules.invite(found(TopicKind.PUBLIC, true, true)).kind()).isEqualTo(TopicKind.PUBLIC);
  }
}
