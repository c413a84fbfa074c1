package io.gatehouse.gateway.socketio;

import java.util.HashSet;
import java.util.Set;

/**
 * The ack ids a client is waiting on in one namespace: each is answered exactly once, a repeated id in
 * flight is a protocol error, and the number in flight is bounded (a client cannot pile up work).
 */
public final class AckIds {

  private final int maxInFlight;
  private final Set<Long> inFlight = new HashSet<>();

  public AckIds(int maxInFlight) {
    this.maxInFlight = maxInFlight;
  }

  /** Starts an acknowledgement; a duplicate id or one over the bound is a {@link ProtocolError}. */
  public void begin(long ackId) {
    if (inFlight.size() >= maxInFlight) {
      throw new ProtocolError("too many acknowledgements in flight");
    }
    if (!inFlight.add(ackId)) {
      throw new ProtocolError("ack id " + ackId + " already in flight");
    }
  }

  /** True the first time an id in flight is finished, false afterwards (the answer is then dropped). */
  public boolean finish(long ackId) {
    return inFlight.remove(ackId);
  }

  public int inFlight() {
    return inFlight.size();
  }
}
