package io.gatehouse.auth;

import io.gatehouse.contract.FailureCode;
import io.gatehouse.contract.ServiceFailure;
import io.gatehouse.contract.auth.Principal;
import io.vertx.core.Future;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongSupplier;

/**
 * Whether the user a token names still exists. A signed token outlives its user (deleted rows, a restored
 * database), so every verification asks; a user found is remembered for {@code auth.userCheckCacheMs} so that
 * busy clients do not cost a query each. Event-loop confined.
 */
final class KnownUsers {

  /** The failure reason of a token whose user does not exist. */
  static final String UNKNOWN_USER = "unknown_user";
  private static final int MAX_REMEMBERED = 100_000;

  private final UserRepository users;
  private final long cacheNanos;
  private final LongSupplier clock;
  private final Map<String, Long> seenUntil = new HashMap<>();

  KnownUsers(UserRepository users, long cacheMs, LongSupplier nanoClock) {
    this.users = users;
    this.cacheNanos = cacheMs * 1_000_000L;
    this.clock = nanoClock;
  }

  /** The principal itself when it is not a user or its user exists; else UNAUTHORIZED {@value #UNKNOWN_USER}. */
  Future<Principal> stillExists(Principal principal) {
    if (!principal.isUser()) {
      return Future.succeededFuture(principal);
    }
    String userId = principal.subject();
    Long until = seenUntil.get(userId);
    if (until != null && until - clock.getAsLong() > 0) {
      return Future.succeededFuture(principal);
    }
    return Uuids.parse(userId).map(id -> users.existing(List.of(id))).orElse(Future.succeededFuture(Set.of()))
      .compose(found -> {
        if (found.isEmpty()) {
          seenUntil.remove(userId);
          return ServiceFailure.fail(FailureCode.UNAUTHORIZED, UNKNOWN_USER);
        }
        remember(userId);
        return Future.succeededFuture(principal);
      });
  }

  /** Those of {@code userIds} that no longer exist (always asks the database). */
  Future<List<String>> missing(List<String> userIds) {
    List<UUID> ids = new ArrayList<>(userIds.size());
    List<String> malformed = new ArrayList<>();
    for (String userId : userIds) {
      Uuids.parse(userId).ifPresentOrElse(ids::add, () -> malformed.add(userId));
    }
    return users.existing(ids).map(found -> {
      List<String> gone = new ArrayList<>(malformed);
      for (UUID id : ids) {
        if (found.contains(id)) {
          remember(id.toString());
        } else {
          seenUntil.remove(id.toString());
          gone.add(id.toString());
        }
      }
      return gone;
    });
  }

  private void remember(String userId) {
    if (cacheNanos <= 0) {
      return;
    }
    if (seenUntil.size() >= MAX_REMEMBERED) {
      seenUntil.clear();
    }
    seenUntil.put(userId, clock.getAsLong() + cacheNanos);
  }
}
