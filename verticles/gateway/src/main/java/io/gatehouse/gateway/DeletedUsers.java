package io.gatehouse.gateway;

import io.gatehouse.contract.auth.DeletedUserCheck;
import io.vertx.core.Vertx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Ends the live connections of users that no longer exist. Tokens are checked against the user table when a
 * connection authenticates; afterwards, every {@code gateway.userCheckSeconds}, the users connected to this
 * gateway verticle are sent to user-auth in one request ({@link DeletedUserCheck}), and the connections of
 * those it reports gone are ended. Event-loop confined.
 */
public final class DeletedUsers {

  private static final Logger LOG = LoggerFactory.getLogger(DeletedUsers.class);

  private record Watched<R>(Supplier<Map<String, ? extends Collection<R>>> users, Consumer<R> end) {
    void check(Vertx vertx, long timeoutMs) {
      DeletedUserCheck.run(vertx.eventBus(), timeoutMs, users.get(), end)
        .onSuccess(gone -> {
          if (gone > 0) {
            LOG.info("ended the connections of {} deleted user(s)", gone);
          }
        })
        .onFailure(failure -> LOG.debug("user check skipped: {}", failure.toString()));
    }
  }

  private final long timeoutMs;
  private final List<Watched<?>> watched = new ArrayList<>();

  public DeletedUsers(long timeoutMs) {
    this.timeoutMs = timeoutMs;
  }

  /** Connections of {@code users} whose user is gone are handed to {@code end}. */
  public <R> void watch(LocalFanOut<String, ?, ?, R> users, Consumer<R> end) {
    watch(() -> {
      Map<String, List<R>> byUser = new HashMap<>();
      users.keys().forEach(userId -> byUser.put(userId, users.receiversOf(userId)));
      return byUser;
    }, end);
  }

  /** As {@link #watch(LocalFanOut, Consumer)} for connections kept by user id some other way. */
  public <R> void watch(Supplier<Map<String, ? extends Collection<R>>> byUser, Consumer<R> end) {
    watched.add(new Watched<>(byUser, end));
  }

  /** Checks every {@code periodSeconds} (0 = never); returns the timer id, or -1. */
  public long start(Vertx vertx, long periodSeconds) {
    return periodSeconds <= 0 ? -1 : vertx.setPeriodic(periodSeconds * 1_000L,
      id -> watched.forEach(entry -> entry.check(vertx, timeoutMs)));
  }
}
