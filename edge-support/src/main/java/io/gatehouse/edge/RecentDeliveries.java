package io.gatehouse.edge;

import io.gatehouse.contract.routing.Delivery;
import io.gatehouse.contract.routing.MessagePosition;

import java.util.UUID;

/**
 * Where the last few messages a connection delivered sit (topic id, sequence number, sender), so an ack by
 * message id needs no lookup in the log. Bounded and compact: a ring of {@code capacity} entries of six
 * longs each (message and sender ids are UUIDs), allocated on the first delivery, so an idle connection keeps
 * nothing and a busy one at most {@code 48 * capacity} bytes. An ack for an older message is not lost: the caller
 * asks the log where it sits ({@code Routing.LOCATE}). Not thread-safe: one per connection.
 */
public final class RecentDeliveries {

  private static final int WIDTH = 6;

  private final int capacity;
  private long[] entries;
  private int next;
  private int size;

  public RecentDeliveries(int capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative, was " + capacity);
    }
    this.capacity = capacity;
  }

  public void remember(Delivery delivery) {
    if (capacity == 0) {
      return;
    }
    UUID id = parse(delivery.messageId());
    UUID sender = parse(delivery.senderId());
    if (id == null || sender == null) {
      return;
    }
    if (entries == null) {
      entries = new long[capacity * WIDTH];
    }
    int at = next * WIDTH;
    entries[at] = id.getMostSignificantBits();
    entries[at + 1] = id.getLeastSignificantBits();
    entries[at + 2] = delivery.topicId();
    entries[at + 3] = delivery.seq();
    entries[at + 4] = sender.getMostSignificantBits();
    entries[at + 5] = sender.getLeastSignificantBits();
    next = (next + 1) % capacity;
    size = Math.min(size + 1, capacity);
  }

  /** Where a remembered message sits (its latest delivery), or null. */
  public MessagePosition positionOf(String messageId) {
    UUID id = entries == null ? null : parse(messageId);
    if (id == null) {
      return null;
    }
    for (int back = 1; back <= size; back++) {
      int at = Math.floorMod(next - back, capacity) * WIDTH;
      if (entries[at] == id.getMostSignificantBits() && entries[at + 1] == id.getLeastSignificantBits()) {
        return new MessagePosition(entries[at + 2], entries[at + 3],
          new UUID(entries[at + 4], entries[at + 5]).toString());
      }
    }
    return null;
  }

  private static UUID parse(String messageId) {
    if (messageId == null || messageId.length() != 36) {
      return null;
    }
    try {
      return UUID.fromString(messageId);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
