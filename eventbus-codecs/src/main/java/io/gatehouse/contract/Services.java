package io.gatehouse.contract;

import io.vertx.core.Future;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.function.Function;

/** How a service answers requests on its addresses: the action's result as the reply, or a coded failure. */
public final class Services {

  private static final Logger LOG = LoggerFactory.getLogger(Services.class);

  private Services() {
  }

  /**
   * Registers {@code action} on {@code address}; returns the registration's completion. An action that
   * throws or fails with anything but a service failure is logged and answered INTERNAL {@code internal}.
   */
  public static <T> Future<Void> serve(EventBus bus, String address, Function<T, Future<?>> action) {
    return bus.<T>consumer(address, request -> answer(request, action)).completion();
  }

  private static <T> void answer(Message<T> request, Function<T, Future<?>> action) {
    Future<?> result;
    try {
      result = action.apply(request.body());
    } catch (RuntimeException e) {
      result = Future.failedFuture(e);
    }
    result.onSuccess(request::reply).onFailure(failure -> {
      if (ServiceFailure.codeOf(failure) == FailureCode.INTERNAL) {
        LOG.error("request on {} failed", request.address(), failure);
      }
      ServiceFailure.replyFailure(request, failure);
    });
  }
}
