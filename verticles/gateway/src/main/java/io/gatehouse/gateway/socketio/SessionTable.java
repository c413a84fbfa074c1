package io.gatehouse.gateway.socketio;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The Engine.IO sessions one server instance owns. A sid starts with its owner's id, so that any instance,
 * on any node, can tell where to forward a request for it. Event-loop confined.
 */
public final class SessionTable<S> {

  /** Characters of an owner id at the start of every sid. */
  public static final int OWNER_LENGTH = 12;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

  private final String ownerId;
  private final Map<String, S> sessions = new HashMap<>();

  public SessionTable() {
    this(randomToken(9));
  }

  SessionTable(String ownerId) {
    if (ownerId.length() != OWNER_LENGTH) {
      throw new IllegalArgumentException("owner ids have " + OWNER_LENGTH + " characters");
    }
    this.ownerId = ownerId;
  }

  public String ownerId() {
    return ownerId;
  }

  /** A fresh, unguessable sid owned here (12 + 22 URL-safe characters). */
  public String newSid() {
    return ownerId + randomToken(16);
  }

  /** The owner id a sid names, or null when it is not a well-formed sid. */
  public static String ownerOf(String sid) {
    if (sid == null || sid.length() != OWNER_LENGTH + 22
      || !sid.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_')) {
      return null;
    }
    return sid.substring(0, OWNER_LENGTH);
  }

  public boolean ownedHere(String sid) {
    return ownerId.equals(ownerOf(sid));
  }

  public void put(String sid, S session) {
    sessions.put(sid, session);
  }

  public S get(String sid) {
    return sessions.get(sid);
  }

  public void remove(String sid) {
    sessions.remove(sid);
  }

  public int size() {
    return sessions.size();
  }

  public Iterable<S> all() {
    return sessions.values();
  }

  private static String randomToken(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return URL_SAFE.encodeToString(random);
  }
}
