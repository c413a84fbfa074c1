package io.gatehouse.gateway;

import io.gatehouse.contract.Addresses;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Ends the live connections of users that no longer exist. Tokens are checked against the user table when a
 * connection authenticates; afterwards, every {@code gateway.userCheckSeconds}, the users connected to this
 * gateway verticle are sent to user-auth in one request, and the connections of those it reports gone are
 * ended. Event-loop confined.
 */
public final class DeletedUsers {

  private static final Logger LOG = LoggerFactory.getLogger(DeletedUsers.class);

  private record Watched<R>(LocalFanOut<String, ?, ?, R> users, Consumer<R> end) {
    void endAll(Set<String> gone) {
      for (String userId : gone) {
        users.receiversOf(userId).forEach(end);
      }
    }
  }

  private final ServiceBus services;
  private final List<Watched<?>> watched = new ArrayList<>();

  public DeletedUsers(ServiceBus services) {
    this.services = services;
  }

  /** Connections of {@code users} whose user is gone are handed to {@code end}. */
  public <R> void watch(LocalFanOut<String, ?, ?, R> users, Consumer<R> end) {
    watched.add(new Watched<>(users, end));
  }

  /** Checks every {@code periodSeconds} (0 = never); returns the timer id, or -1. */
  public long start(Vertx vertx, long periodSeconds) {
    return periodSeconds <= 0 ? -1 : vertx.setPeriodic(periodSeconds * 1_000L, id -> check());
  }

  /** One round: asks user-auth about every connected user and ends the connections of the missing ones. */
  public void check() {
    Set<String> connected = new HashSet<>();
    watched.forEach(entry -> connected.addAll(entry.users().keys()));
    if (connected.isEmpty()) {
      return;
    }
    services.<JsonArray>request(Addresses.Auth.MISSING_USERS, new JsonArray(new ArrayList<>(connected)))
      .onSuccess(missing -> {
        Set<String> gone = new HashSet<>();
        missing.forEach(id -> gone.add(String.valueOf(id)));
        if (!gone.isEmpty()) {
          LOG.info("ending the connections of {} deleted user(s)", gone.size());
          watched.forEach(entry -> entry.endAll(gone));
        }
      })
      .onFailure(failure -> LOG.debug("user check skipped: {}", failure.toString()));
  }
}
