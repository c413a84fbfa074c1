package io.gatehouse.contract;

import io.vertx.core.Future;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;

/**
 * Builds and reads service failures. The message of a failure is a short machine reason
 * ({@code "expired"}, {@code "already_exists"}), never prose meant for end users.
 */
public final class ServiceFailure {

  private ServiceFailure() {
  }

  public static ReplyException of(FailureCode code, String reason) {
    return new ReplyException(ReplyFailure.RECIPIENT_FAILURE, code.value(), reason);
  }

  public static <T> Future<T> fail(FailureCode code, String reason) {
    return Future.failedFuture(of(code, reason));
  }

  /** The code a failure carries; bus-level failures (no handler, timeout) count as unavailable. */
  public static FailureCode codeOf(Throwable failure) {
    if (failure instanceof ReplyException reply) {
      return switch (reply.failureType()) {
        case RECIPIENT_FAILURE -> FailureCode.fromValue(reply.failureCode());
        case NO_HANDLERS, TIMEOUT -> FailureCode.UNAVAILABLE;
        default -> FailureCode.INTERNAL;
      };
    }
    return FailureCode.INTERNAL;
  }

  /** The machine reason of a service failure, or a generic one for anything else. */
  public static String reasonOf(Throwable failure) {
    if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE
      && reply.getMessage() != null) {
      return reply.getMessage();
    }
    return codeOf(failure) == FailureCode.UNAVAILABLE ? "unavailable" : "internal";
  }

  /**
   * Fails a request with the failure's code and reason: a service failure (also one relayed from another
   * service) keeps both, a bus failure becomes UNAVAILABLE {@code unavailable}, anything else INTERNAL
   * {@code internal}, never a stack trace or exception text.
   */
  public static void replyFailure(Message<?> request, Throwable failure) {
    request.fail(codeOf(failure).value(), reasonOf(failure));
  }
}
