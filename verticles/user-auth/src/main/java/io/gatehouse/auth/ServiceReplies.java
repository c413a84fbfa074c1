package io.gatehouse.auth;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/**
 * Turns a domain action into an event-bus consumer: checks the body type, runs the action and replies
 * its result, or a service failure. Anything that is not already a service failure is logged here and
 * leaves as INTERNAL {@code internal}, so no stack trace or prose crosses the bus.
 */
final class ServiceReplies {

  static final String INTERNAL = "internal";

  private static final Logger LOG = LoggerFactory.getLogger(ServiceReplies.class);

  private ServiceReplies() {
  }

  /** A message handler for requests of {@code type}; other bodies fail BAD_REQUEST {@code invalid_request}. */
  static <T> Handler<Message<Object>> handler(Class<T> type, Function<T, Future<?>> action) {
    return message -> run(message, type, action)
      .onSuccess(message::reply)
      .onFailure(failure -> message.reply(toReply(message.address(), failure)));
  }

  static ReplyException toReply(String address, Throwable failure) {
    if (failure instanceof ReplyException reply && reply.failureType() == ReplyFailure.RECIPIENT_FAILURE) {
      return reply;
    }
    if (SqlStates.is(failure, SqlStates.CHARACTER_NOT_IN_REPERTOIRE)) {
      // text PostgreSQL cannot hold (a NUL character) reached a query: the request was bad, not the service
      return ServiceFailure.of(FailureCode.BAD_REQUEST, UserAccounts.INVALID_REQUEST);
    }
    LOG.error("request on {} failed unexpectedly", address, failure);
    return ServiceFailure.of(FailureCode.INTERNAL, INTERNAL);
  }

  private static <T> Future<?> run(Message<Object> message, Class<T> type, Function<T, Future<?>> action) {
    Object body = message.body();
    if (!type.isInstance(body)) {
      return ServiceFailure.fail(FailureCode.BAD_REQUEST, UserAccounts.INVALID_REQUEST);
    }
    try {
      return action.apply(type.cast(body));
    } catch (RuntimeException e) {
      return Future.failedFuture(e);
    }
  }
}
