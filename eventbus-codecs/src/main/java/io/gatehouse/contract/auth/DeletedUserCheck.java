package io.gatehouse.contract.auth;

import io.gatehouse.contract.Addresses;
import io.vertx.core.Future;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.json.JsonArray;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One round of ending the connections of users that no longer exist, for any edge: the ids of the users an
 * edge has connections for go to user-auth in one request ({@link Addresses.Auth#MISSING_USERS}), and each
 * connection of a user reported gone is handed to {@code end}.
 */
public final class DeletedUserCheck {

  private DeletedUserCheck() {
  }

  /** Completes with the number of users found gone. */
  public static <R> Future<Integer> run(EventBus bus, long timeoutMs, Map<String, ? extends Collection<R>> byUser,
                                        Consumer<R> end) {
    if (byUser.isEmpty()) {
      return Future.succeededFuture(0);
    }
    return bus.<JsonArray>request(Addresses.Auth.MISSING_USERS, new JsonArray(new ArrayList<>(byUser.keySet())),
        new DeliveryOptions().setSendTimeout(timeoutMs))
      .map(Message::body)
      .map(missing -> {
        Set<String> gone = new HashSet<>();
        missing.forEach(id -> gone.add(String.valueOf(id)));
        for (String userId : gone) {
          Collection<R> connections = byUser.get(userId);
          if (connections != null) {
            new ArrayList<>(connections).forEach(end);
          }
        }
        return gone.size();
      });
  }
}
